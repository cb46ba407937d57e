// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @notice How a tier's tickets may move between wallets.
/// @dev `Free`: any ERC-721 transfer. `MarketOnly`: only through the official ResaleMarket.
/// `Locked`: soulbound (ERC-5192 `locked()` is true); only the organizer's lost-wallet recovery moves it.
enum TransferMode {
    Free,
    MarketOnly,
    Locked
}

/// @notice One ticket tier, fixed when the event is created (face value backs refunds and resale caps).
struct TierConfig {
    uint96 faceValue; // in the event's currency's smallest unit (wei for the native coin)
    uint24 supply; // max tickets of this tier
    uint32 zones; // bitmask of zones the ticket admits to (bit 0 general, bit 1 VIP, ...)
    TransferMode mode;
    uint16 resaleCapBps; // resale price cap in basis points of face value (10_000 = face)
    bool voucherOnly; // primary sale only with an organizer voucher
    bool reserved; // reserved seating: sold seat by seat (`buySeats`), one token id per seat
}

/// @notice Event-wide rules, fixed when the event is created.
struct EventConfig {
    string name;
    string symbol;
    uint64 startTime; // doors open (unix seconds)
    uint64 endTime; // event over: escrow released to the organizer
    uint32 lockWindow; // seconds before startTime from which transfers stop (until endTime)
    uint32 maxPerWallet; // cap on any wallet's balance and primary purchases; 0 = none
    uint32 maxPerIdentity; // cap on voucher tickets per identity commitment; 0 = none
    uint16 royaltyBps; // ERC-2981 royalty to the organizer on resales
    address voucherSigner; // EIP-712 voucher signer (EOA or ERC-1271 contract); 0 = no vouchers
    address currency; // ERC-20 token of face values, escrow, resale and waitlist deposits; 0 = native coin
}

/// @notice An organizer-signed EIP-712 voucher letting a verified fan buy at face value.
struct Voucher {
    address to; // recipient of the tickets
    uint8 tier;
    uint16 quantity;
    bytes32 identityCommitment; // HMAC-SHA256(pepper, normalised ID number), computed off chain
    bytes32 nonce; // single use
    uint64 deadline; // unix seconds, inclusive
}


/// @notice Why a ticket cannot change hands for money now (market listing or purchase, waitlist return).
/// @dev One rule for every value-moving path, computed by `EventTicket.saleTerms`: a ticket the gate
/// would refuse, or whose buyer would have no refund right, is never sold. Order = precedence.
enum SaleBlock {
    None,
    Cancelled, // the event is cancelled: holders refund instead
    CheckedIn, // used at the gate
    SalesClosed, // the lock window has started (or the event is over)
    Soulbound, // a `Locked` tier or channel, or bound to an identity
    Named, // carries a voucher's identity commitment: the door checks the holder's ID against it
    BindingClosed, // the tier's real-name deadline passed and the ticket is unbound: the door refuses it
    NotRefundable // no refund right travels with it (complimentary, or recovered): only price 0
}

/// @notice What the market and the waitlist need to know about one ticket, in one call.
struct SaleTerms {
    address holder;
    address currency; // zero: the native coin
    uint8 tier;
    uint256 face;
    uint256 maxPrice; // face × resale cap
    SaleBlock blocker;
}
