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

