// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SaleTerms, TierConfig, TransferMode} from "./ITicketTypes.sol";

/// @title IEventTicket
/// @notice Events and errors of an EventTicket, plus the views the ResaleMarket relies on.
interface IEventTicket {
    // ---------------------------------------------------------------- events
    /// @notice One per tier, emitted by the constructor (same transaction as the factory's EventCreated).
    event TierCreated(
        uint8 indexed tier,
        uint96 faceValue,
        uint24 supply,
        uint32 zones,
        TransferMode mode,
        uint16 resaleCapBps,
        bool voucherOnly,
        bool reserved
    );
    /// @notice Emitted once per mint call, beside one ERC-721 `Transfer` per ticket.
    event TicketsMinted(uint8 indexed tier, uint256 firstTokenId, uint256 count);
    /// @notice Primary sale at face value (`buy` or `claim`); the value is held in escrow.
    event TicketsPurchased(address indexed buyer, uint256 firstTokenId, uint256 count, uint256 paid);
    /// @notice Reserved seats bought at face value (`buySeats`), held in escrow. Seat `s` of `tier` is token
    /// `seatTokenId(tier, s)`; the venue layout maps it to a section, row and seat (lib/seating).
    event SeatsPurchased(address indexed buyer, uint8 indexed tier, uint32[] seats, uint256 paid);
    /// @notice A voucher was redeemed; `firstTokenId..firstTokenId+quantity-1` carry `identityCommitment`.
    event VoucherRedeemed(bytes32 indexed nonce, bytes32 indexed identityCommitment, address indexed to, uint256 firstTokenId, uint256 quantity);
    /// @notice A gate recorded admission. The ticket can no longer move or be listed.
    event CheckedIn(uint256 indexed tokenId, address indexed gate);
    /// @notice The organizer moved a ticket out of a lost wallet (beside the ERC-721 `Transfer`).
    event TicketRecovered(uint256 indexed tokenId, address indexed from, address indexed to);
    event EventCancelled(uint64 at);
    /// @notice A holder reclaimed a ticket's face value from escrow after cancellation.
    event Refunded(uint256 indexed tokenId, address indexed holder, uint256 amount);
    event ProceedsWithdrawn(address indexed to, uint256 amount);
    event VoucherSignerChanged(address indexed signer);

    // allocation channels and real-name binding (EventTicket.configureRules, bindIdentity)
    /// @notice Emitted per defined channel by `configureRules` (once, before the first mint). Ids: 0 public
    /// sale, 1 sponsor, 2 staff, 3 artist, 4 organizer (mints naming no channel), 5..7 named by `name`.
    event ChannelConfigured(uint8 indexed channel, uint24 quota, TransferMode mode, bytes16 name);
    /// @notice An organizer mint run issued `firstTokenId..+count-1` through `channel` (buy/claim: channel 0, no event).
    event ChannelMinted(uint8 indexed channel, uint256 firstTokenId, uint256 count);
    /// @notice Tickets of `tier` must be bound to an identity by `startTime - secondsBeforeStart` (0: no binding).
    /// Emitted for every tier by each `configureRules` call.
    event IdentityDeadlineSet(uint8 indexed tier, uint32 secondsBeforeStart);
    /// @notice A holder bound the ticket to an identity commitment; it now moves only by organizer recovery.
    event IdentityBound(uint256 indexed tokenId, address indexed holder, bytes32 indexed identityCommitment);

    // ---------------------------------------------------------------- errors
    error EventTicketZeroOrganizer();
    error EventTicketBadConfig();
    error EventTicketEmptyBatch();
    error EventTicketBatchTooLarge(uint256 size, uint256 max);
    error EventTicketUnknownTier(uint256 tier);
    error EventTicketSoldOut(uint8 tier, uint256 requested, uint256 remaining);
    error EventTicketWalletCapExceeded(address wallet, uint256 cap);
    error EventTicketVoucherOnlyTier(uint8 tier);
    error EventTicketWrongPayment(uint256 expected, uint256 received);
    error EventTicketSaleClosed();
    error EventTicketCancelled();
    error EventTicketNotCancelled();
    error EventTicketCheckedIn(uint256 tokenId);
    error EventTicketLocked(uint256 tokenId);
    error EventTicketMarketOnly(uint256 tokenId);
    error EventTicketTransferWindowClosed(uint256 tokenId);
    error EventTicketApprovalNotAllowed(uint256 tokenId, address operator);
    error EventTicketOperatorNotAllowed(address operator);
    error EventTicketIdentityMismatch(uint256 tokenId);
    error EventTicketVoucherExpired(uint64 deadline);
    error EventTicketVoucherUsed(bytes32 nonce);
    error EventTicketVoucherInvalidSignature();
    error EventTicketIdentityCapExceeded(bytes32 identityCommitment, uint256 cap);
    error EventTicketNotRefundable(uint256 tokenId);
    error EventTicketNotTicketOwner(uint256 tokenId, address caller);
    error EventTicketEventNotOver();
    error EventTicketEventOver();
    error EventTicketNothingToWithdraw();
    error EventTicketPaymentFailed(address to, uint256 amount);
    /// @notice An ERC-20-priced event was sent native coin.
    error EventTicketUnexpectedValue(uint256 value);
    /// @notice The ERC-20 path (`buyWithPermit`) was used on a native-coin event.
    error EventTicketNativeCurrency();
    /// @notice The token delivered a different amount than was transferred (fee-on-transfer, rebasing).
    error EventTicketUnsupportedToken(address token);
    /// @notice The permit failed and the allowance does not cover the price (expired, bad signature).
    error EventTicketPermitFailed(address token);
    error EventTicketUnknownChannel(uint8 channel);
    error EventTicketChannelQuotaExceeded(uint8 channel, uint256 requested, uint256 remaining);
    error EventTicketSetupClosed();
    error EventTicketIdentityBound(uint256 tokenId);
    error EventTicketBindingNotRequired(uint8 tier);
    error EventTicketBindingClosed(uint64 deadline);
    error EventTicketBindingInvalidSignature();
    /// @notice General-admission issuance (buy, claim, mints) on a reserved tier: seats are bought by number.
    error EventTicketSeatsRequired(uint8 tier);
    /// @notice `buySeats` on a general-admission tier.
    error EventTicketNotReserved(uint8 tier);
    /// @notice The seat is not in the tier (seat numbers run from 0 to supply - 1).
    error EventTicketUnknownSeat(uint8 tier, uint32 seat);
    /// @notice Someone bought the seat first (or it appears twice in one purchase).
    error EventTicketSeatTaken(uint8 tier, uint32 seat);

    // ---------------------------------------------------------------- views used by the market and the waitlist
    function organizer() external view returns (address);
    /// @notice The event's ERC-20 currency; zero for the native coin.
    function currency() external view returns (address);
    function startTime() external view returns (uint64);
    function lockWindow() external view returns (uint32);
    function maxPerWallet() external view returns (uint32);
    function tierMinted(uint8 tierId) external view returns (uint256);
    function cancelled() external view returns (bool);
    function isCheckedIn(uint256 tokenId) external view returns (bool);
    function tierOf(uint256 tokenId) external view returns (uint8);
    function tier(uint8 tierId) external view returns (TierConfig memory);
    /// @notice Highest resale price allowed for `tokenId`: face × resaleCapBps / 10,000.
    function maxResalePrice(uint256 tokenId) external view returns (uint256);
    /// @notice Holder, currency, tier, face, price cap and `SaleBlock` of `tokenId`: the one rule the market
    /// and the waitlist apply before money moves for a ticket.
    function saleTerms(uint256 tokenId) external view returns (SaleTerms memory);
}
