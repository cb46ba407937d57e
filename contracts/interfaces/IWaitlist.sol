// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SaleBlock} from "./ITicketTypes.sol";

/// @title IWaitlist
/// @notice Events and errors of the chain's Waitlist (one FIFO queue per event and tier).
interface IWaitlist {
    /// @notice `wallet` joined the queue of (`ticket`, `tier`) with a deposit of face value. `seq` orders
    /// the queue: it grows by one per join and the queue is always sorted by it.
    event WaitlistJoined(address indexed ticket, uint8 indexed tier, address indexed wallet, uint64 seq, uint256 deposit);
    /// @notice `wallet` left the queue; its deposit was paid back.
    event WaitlistLeft(address indexed ticket, uint8 indexed tier, address indexed wallet, uint256 refund);
    /// @notice A holder returned `tokenId`: it went to `to` (the head of the queue, now removed) and `from` was paid `price` (min(face, resale cap)) out of `to`'s deposit; the rest
    /// of the deposit went back to `to`.
    event TicketReturned(
        address indexed ticket, uint256 indexed tokenId, address indexed from, address to, uint8 tier, uint256 price
    );
    /// @notice Change for a served wallet could not be pushed; `to` can `withdraw(currency)` it.
    event PaymentDeferred(address indexed to, uint256 amount, address indexed currency);
    event Withdrawn(address indexed to, uint256 amount, address indexed currency);

    error WaitlistUnknownTicket(address ticket);
    error WaitlistEventCancelled(address ticket);
    /// @notice Transfers have stopped (lock window before the start, or later): nothing can be returned.
    error WaitlistClosed(address ticket);
    error WaitlistTierLocked(uint8 tier);
    error WaitlistTierNotSoldOut(uint8 tier, uint256 remaining);
    error WaitlistWrongDeposit(uint256 expected, uint256 received);
    error WaitlistAlreadyJoined(address wallet);
    error WaitlistWalletCapReached(address wallet, uint256 cap);
    error WaitlistNotJoined(address wallet);
    error WaitlistNotTicketOwner(uint256 tokenId, address caller);
    /// @notice The ticket's sale rule refuses it (`EventTicket.saleTerms`); `reason` says why.
    error WaitlistTicketNotReturnable(uint256 tokenId, SaleBlock reason);
    /// @notice The head of the queue is at the wallet cap: the return waits until it makes room or leaves.
    error WaitlistHeadAtCap(address ticket, uint8 tier, address head);
    /// @notice The holder must approve the market (it performs the transfer) before returning.
    error WaitlistNotApproved(uint256 tokenId);
    error WaitlistEmpty(address ticket, uint8 tier);
    error WaitlistPaymentFailed(address to, uint256 amount);
    error WaitlistNothingToWithdraw();
    /// @notice An ERC-20-priced event's deposit was sent native coin.
    error WaitlistUnexpectedValue(uint256 value);
    /// @notice The permit path was used for a native-coin event.
    error WaitlistNativeCurrency(address ticket);
    /// @notice The token delivered a different amount than was transferred (fee-on-transfer, rebasing).
    error WaitlistUnsupportedToken(address token);
    /// @notice The permit failed and the allowance does not cover the deposit (expired, bad signature).
    error WaitlistPermitFailed(address token);
}
