// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TierConfig, TransferMode} from "../interfaces/ITicketTypes.sol";

/// @title TicketPacking
/// @notice Bit layouts of EventTicket's packed words. One word per token, one per wallet, one for
/// event-wide counters, and one immutable word per tier: every policy check in `_update` reads
/// storage the transfer has to touch anyway.
///
/// token word   [0..159] owner | [160..167] tier | 168 checked-in | 169 has single-token approval
///              | 170 paid (face value in escrow) | 171 has identity commitment | 172 refunded
///              | [173..175] allocation channel | [176..177] channel transfer mode | 178 identity bound
///              | 179 refund right detached (recovered while paid: the refund stays with the wallet it was taken from)
/// wallet word  [0..63] balance | [64..95] primary tickets bought (sale + vouchers)
/// state word   [0..31] total minted (general admission; the last sequential id) | 32 cancelled
///              | [33..59] seats sold | 63 some tier has a real-name deadline | [64 + 24·i .. 87 + 24·i] minted of tier i (i < 8, seats included)
/// tier word    [0..95] face | [96..119] supply | [120..151] zones | [152..159] mode
///              | [160..175] resale cap bps | 176 voucher only | 177 reserved seating
/// seat token id  SEAT_ID_BASE | tier << 24 | seat (seat < tier supply): above every sequential id
/// channels     [0..23] public quota | 24 configured | [32·c .. 32·c + 31] minted of channel c (c = 1..7)
/// channel rules [32·c .. 32·c + 23] quota | [32·c + 24 .. + 25] mode | 32·c + 26 defined (c = 1..7)
library TicketPacking {
    uint256 internal constant ADDRESS_MASK = (1 << 160) - 1;

    // token word
    uint256 internal constant TIER_SHIFT = 160;
    uint256 internal constant CHECKED_IN = 1 << 168;
    uint256 internal constant APPROVED = 1 << 169;
    uint256 internal constant PAID = 1 << 170;
    uint256 internal constant HAS_IDENTITY = 1 << 171;
    uint256 internal constant REFUNDED = 1 << 172;
    uint256 internal constant CHANNEL_SHIFT = 173;
    uint256 internal constant CHANNEL_MODE_SHIFT = 176;
    uint256 internal constant BOUND = 1 << 178;
    uint256 internal constant DETACHED = 1 << 179;

    // channels word / channel rules word (allocation channels: 0 public, 1..7 organizer mints)
    uint256 internal constant MAX_CHANNELS = 8;
    uint256 internal constant QUOTA_MASK = (1 << 24) - 1;
    uint256 internal constant CHANNELS_CONFIGURED = 1 << 24;
    uint256 internal constant MINTED_MASK = (1 << 32) - 1;
    uint256 internal constant CHANNEL_DEFINED = 1 << 26;

    // wallet word
    uint256 internal constant BALANCE_MASK = (1 << 64) - 1;
    uint256 internal constant BOUGHT_SHIFT = 64;
    uint256 internal constant BOUGHT_MASK = (1 << 32) - 1;

    // state word
    uint256 internal constant TOTAL_MASK = (1 << 32) - 1;
    uint256 internal constant CANCELLED = 1 << 32;
    uint256 internal constant SEATS_SHIFT = 33;
    /// @dev 27 bits hold every seat: at most 8 reserved tiers of at most 2^24 - 1 seats.
    uint256 internal constant SEATS_MASK = (1 << 27) - 1;
    /// @dev Set by `configureRules` when some tier has a deadline: sales skip the deadlines read otherwise.
    uint256 internal constant DEADLINES = 1 << 63;
    uint256 internal constant SEAT_ID_BASE = 1 << 32;
    uint256 internal constant TIER_COUNT_SHIFT = 64;
    uint256 internal constant TIER_COUNT_BITS = 24;
    uint256 internal constant TIER_COUNT_MASK = (1 << 24) - 1;
    uint256 internal constant MAX_TIERS = 8;

    // ------------------------------------------------------------------ token word
    function owner(uint256 word) internal pure returns (address) {
        return address(uint160(word));
    }

    function tierId(uint256 word) internal pure returns (uint8) {
        return uint8(word >> TIER_SHIFT);
    }

    function channel(uint256 word) internal pure returns (uint8) {
        return uint8((word >> CHANNEL_SHIFT) & 7);
    }

    /// @dev The transfer mode a token obeys: the stricter of its tier's and its channel's
    /// (`Free` < `MarketOnly` < `Locked`), so a channel rule can only tighten a tier.
    function effectiveMode(uint256 word, uint256 tierWord) internal pure returns (TransferMode) {
        uint256 t = uint8(tierWord >> 152);
        uint256 c = (word >> CHANNEL_MODE_SHIFT) & 3;
        return TransferMode(c > t ? c : t);
    }

    function withOwner(uint256 word, address newOwner) internal pure returns (uint256) {
        return (word & ~ADDRESS_MASK) | uint160(newOwner);
    }

    function newToken(address to, uint8 tier, uint256 flags) internal pure returns (uint256) {
        return uint256(uint160(to)) | (uint256(tier) << TIER_SHIFT) | flags;
    }

    // ------------------------------------------------------------------ channels
    /// @dev Tickets minted through non-public channels (1..7), summed from the channels word.
    function nonPublicMinted(uint256 channels) internal pure returns (uint256 sum) {
        for (uint256 c = 1; c < MAX_CHANNELS; ++c) {
            sum += (channels >> (32 * c)) & MINTED_MASK;
        }
    }

    // ------------------------------------------------------------------ state word
    function totalMinted(uint256 state) internal pure returns (uint256) {
        return state & TOTAL_MASK;
    }

    function tierMinted(uint256 state, uint8 tier) internal pure returns (uint256) {
        return (state >> (TIER_COUNT_SHIFT + TIER_COUNT_BITS * tier)) & TIER_COUNT_MASK;
    }

    function seatsSold(uint256 state) internal pure returns (uint256) {
        return (state >> SEATS_SHIFT) & SEATS_MASK;
    }

    /// @dev Seats count in their tier and in the seat total, not in the sequential id counter.
    /// Caller guarantees the tier count stays within its supply (each seat < supply, minted once).
    function addSeats(uint256 state, uint8 tier, uint256 n) internal pure returns (uint256) {
        unchecked {
            return state + (n << SEATS_SHIFT) + (n << (TIER_COUNT_SHIFT + TIER_COUNT_BITS * tier));
        }
    }

    /// @dev Caller guarantees the tier count stays within 24 bits (supply is a uint24).
    function addMinted(uint256 state, uint8 tier, uint256 n) internal pure returns (uint256) {
        unchecked {
            return state + n + (n << (TIER_COUNT_SHIFT + TIER_COUNT_BITS * tier));
        }
    }

    // ------------------------------------------------------------------ tier word
    function pack(TierConfig memory t) internal pure returns (uint256) {
        return uint256(t.faceValue) | (uint256(t.supply) << 96) | (uint256(t.zones) << 120)
            | (uint256(uint8(t.mode)) << 152) | (uint256(t.resaleCapBps) << 160) | (t.voucherOnly ? 1 << 176 : 0)
            | (t.reserved ? 1 << 177 : 0);
    }

    function unpack(uint256 w) internal pure returns (TierConfig memory t) {
        t.faceValue = uint96(w);
        t.supply = uint24(w >> 96);
        t.zones = uint32(w >> 120);
        t.mode = TransferMode(uint8(w >> 152));
        t.resaleCapBps = uint16(w >> 160);
        t.voucherOnly = (w >> 176) & 1 == 1;
        t.reserved = (w >> 177) & 1 == 1;
    }

    function faceValue(uint256 w) internal pure returns (uint256) {
        return uint96(w);
    }

    function supply(uint256 w) internal pure returns (uint256) {
        return uint24(w >> 96);
    }

    function mode(uint256 w) internal pure returns (TransferMode) {
        return TransferMode(uint8(w >> 152));
    }

    function voucherOnly(uint256 w) internal pure returns (bool) {
        return (w >> 176) & 1 == 1;
    }

    function reserved(uint256 w) internal pure returns (bool) {
        return (w >> 177) & 1 == 1;
    }

    function resaleCapBps(uint256 w) internal pure returns (uint256) {
        return uint16(w >> 160);
    }
}
