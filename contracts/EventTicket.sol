// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";

/// @title EventTicket
/// @notice One ERC-721 collection per event. The organizer holds the admin role and grants
/// minters and gates. Token ids start at 1 and are assigned sequentially.
contract EventTicket is ERC721, AccessControl {
    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant GATE_ROLE = keccak256("GATE_ROLE");

    /// @dev Bounds a batch so a single call cannot be built that exceeds a block's gas.
    uint256 public constant MAX_BATCH = 500;

    /// @notice The factory that deployed this event.
    address public immutable factory;
    /// @notice The organizer, admin of every role.
    address public immutable organizer;
    /// @notice Doors-open time (unix seconds).
    uint64 public immutable startTime;
    /// @notice Number of tickets ever minted; the last token id.
    uint256 public totalMinted;

    error EventTicketEmptyBatch();
    error EventTicketBatchTooLarge(uint256 size, uint256 max);
    error EventTicketZeroOrganizer();

    /// @notice Emitted once per batch, beside one ERC-721 `Transfer` per ticket.
    event TicketsMinted(address indexed minter, uint256 firstTokenId, uint256 count);

    constructor(string memory name_, string memory symbol_, address organizer_, uint64 startTime_)
        ERC721(name_, symbol_)
    {
        if (organizer_ == address(0)) revert EventTicketZeroOrganizer();
        factory = msg.sender;
        organizer = organizer_;
        startTime = startTime_;
        _grantRole(DEFAULT_ADMIN_ROLE, organizer_);
        _grantRole(MINTER_ROLE, organizer_);
    }

    /// @notice Mints one ticket to each address in `to`, in order.
    /// @return firstTokenId The id minted to `to[0]`; the rest follow consecutively.
    function mintBatch(address[] calldata to) external onlyRole(MINTER_ROLE) returns (uint256 firstTokenId) {
        uint256 n = to.length;
        if (n == 0) revert EventTicketEmptyBatch();
        if (n > MAX_BATCH) revert EventTicketBatchTooLarge(n, MAX_BATCH);
        firstTokenId = totalMinted + 1;
        unchecked {
            for (uint256 i; i < n; ++i) {
                // _mint reverts with ERC721InvalidReceiver for address(0).
                _mint(to[i], firstTokenId + i);
            }
            totalMinted = firstTokenId + n - 1;
        }
        emit TicketsMinted(msg.sender, firstTokenId, n);
    }

    function supportsInterface(bytes4 interfaceId) public view override(ERC721, AccessControl) returns (bool) {
        return super.supportsInterface(interfaceId);
    }
}
