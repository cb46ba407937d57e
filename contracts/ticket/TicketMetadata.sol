// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {TicketRules} from "./TicketRules.sol";
import {ITicketRegistry} from "../interfaces/ITicketRegistry.sol";

/// @title TicketMetadata
/// @notice ERC-721 metadata and ERC-7572 contract metadata, served off chain by the indexer:
/// `contractURI()` = `<base>/metadata/<chainId>/<this address, lowercase hex>`, `tokenURI(id)` = that + `/<id>`,
/// empty while the factory has no base. `<base>` is held once by the factory (`metadataBase`, set by its
/// owner), which also builds the URLs: no string per event, and no string code in this contract.
/// @dev ERC-4906 events mark status changes: `MetadataUpdate` at binding (TicketVouchers), one per check-in
/// batch (TicketRules), all tokens at cancellation (TicketSales).
abstract contract TicketMetadata is TicketRules {
    /// @notice ERC-7572: the event's collection metadata.
    function contractURI() external view returns (string memory) {
        return ITicketRegistry(factory).contractURIOf(address(this));
    }

    /// @inheritdoc IERC721Metadata
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        return ITicketRegistry(factory).tokenURIOf(address(this), tokenId);
    }
}
