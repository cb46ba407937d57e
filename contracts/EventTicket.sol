// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TicketRules} from "./ticket/TicketRules.sol";
import {TicketChannels} from "./ticket/TicketChannels.sol";
import {TicketVouchers} from "./ticket/TicketVouchers.sol";
import {TicketSeats} from "./ticket/TicketSeats.sol";
import {TicketMetadata} from "./ticket/TicketMetadata.sol";
import {EventConfig, TierConfig} from "./interfaces/ITicketTypes.sol";

/// @title EventTicket
/// @notice One ERC-721 collection per event, with the whole ticket rule set enforced on chain:
/// tiers (face value, supply, zones, transfer mode, resale cap), a transfer lock window, a per-wallet
/// cap, ERC-2981 royalty, primary sale into escrow, EIP-712 vouchers with per-identity caps,
/// batched check-in, cancellation with refunds, and organizer recovery of lost wallets.
/// @dev Composed the OpenZeppelin way from abstract modules over one packed ERC-721 core:
///   token/PackedERC721   ERC-721 over packed words; every ownership change goes through `_update`
///   ticket/TicketRules   immutable event and tier rules, transfer policy (`_update`), sale rule
///                        (`saleTerms`), check-in, rule views
///   ticket/TicketChannels allocation channels, real-name deadlines, organizer mints
///   ticket/TicketSales   primary sale, escrow, cancellation, refunds, withdrawal
///   ticket/TicketVouchers EIP-712 vouchers, identity binding, lost-wallet recovery
///   ticket/TicketSeats   reserved seats (`buySeats`)
///   ticket/TicketMetadata tokenURI / contractURI at the factory's metadata server
/// Token ids are sequential from 1; reserved seats have ids above 2^32 (`seatTokenId`).
contract EventTicket is TicketChannels, TicketVouchers, TicketSeats, TicketMetadata {
    constructor(address organizer_, address market_, EventConfig memory cfg, TierConfig[] memory tiers)
        TicketRules(organizer_, market_, cfg, tiers)
        TicketVouchers(cfg.voucherSigner)
    {}
}
