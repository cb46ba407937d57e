// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IEventTicket} from "./interfaces/IEventTicket.sol";
import {IResaleMarket} from "./interfaces/IResaleMarket.sol";
import {ITicketRegistry} from "./interfaces/ITicketRegistry.sol";
import {IWaitlist} from "./interfaces/IWaitlist.sol";
import {SaleBlock, SaleTerms, TierConfig, TransferMode} from "./interfaces/ITicketTypes.sol";
import {TokenPayments} from "./libraries/TokenPayments.sol";

/// @title Waitlist
/// @notice One FIFO queue per (event, tier) for sold-out tiers ("railway" model). A fan joins with a
/// deposit of exactly the tier's face value; a holder who returns a ticket is paid min(face, resale cap)
/// out of the head's deposit (the rest goes back to the head) and the ticket goes to
/// it; leaving refunds the deposit at any time (also after a cancellation, which is how waitlisters get
/// their money back). Only tickets the ticket's sale rule allows (`EventTicket.saleTerms`) are taken:
/// never one the door would refuse or one without a refund right, so the new holder can always be
/// refunded what it paid. Strict FIFO: a returned ticket goes to the head or nowhere, so no one can
/// push the wallets ahead of them out (tickets sent to a head only make the return wait for it).
/// @dev Deployed by the ResaleMarket's constructor, and moves tickets through `market.waitlistTransfer`:
/// EventTicket trusts only the market with `MarketOnly` tickets, and this keeps EventTicket (and the
/// factory that embeds it) unchanged. The queue is a doubly linked list of wallets, so leaving from
/// the middle is O(1). ETH: effects before interactions, `nonReentrant` on every entry point; change
/// that could not be pushed to a served head is pulled with `withdraw`. Deposits are in the event's currency (native coin or
/// an ERC-20, exact amounts only); per currency, balance == `totalDeposits` + `totalOwed`.
contract Waitlist is IWaitlist, ReentrancyGuardTransient {
    /// @notice Gas forwarded with the change pushed back to the served wallet.
    uint256 public constant PAYOUT_GAS = 50_000;

    struct Queue {
        address head;
        uint64 length;
        address tail;
        uint64 lastSeq;
    }

    /// @dev `seq != 0` means queued. `prev`/`next` link wallets from head to tail.
    struct Entry {
        address prev;
        uint64 seq;
        address next;
    }

    ITicketRegistry public immutable factory;
    /// @notice The market that deployed this waitlist and moves returned tickets.
    IResaleMarket public immutable market;

    mapping(address ticket => mapping(uint8 tier => Queue)) public queues;
    mapping(address ticket => mapping(uint8 tier => mapping(address wallet => Entry))) public entries;
    /// @notice Per currency (zero: native coin), the deposits of every queued wallet (each its tier's face).
    mapping(address currency => uint256) public totalDeposits;
    /// @notice Change that could not be pushed back to a served wallet, per currency, claimable with `withdraw`.
    mapping(address currency => mapping(address wallet => uint256)) public owed;
    mapping(address currency => uint256) public totalOwed;

    constructor(address factory_) {
        factory = ITicketRegistry(factory_);
        market = IResaleMarket(msg.sender);
    }

    /// @notice Joins the queue of a sold-out, transferable tier with a deposit of exactly its face value.
    /// Refused when the event is cancelled, transfers have stopped, the caller is already queued for
    /// this tier, or already holds `maxPerWallet` tickets.
    /// @return position The caller's 1-based place in the queue (its length).
    function join(address ticket, uint8 tierId) external payable nonReentrant returns (uint256 position) {
        return _join(ticket, tierId);
    }

    /// @notice `join` for an ERC-20-priced event, approving the deposit with the caller's EIP-2612
    /// permit. A permit that fails while the allowance already covers the deposit does not block it.
    function joinWithPermit(address ticket, uint8 tierId, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256 position)
    {
        if (!factory.isEvent(ticket)) revert WaitlistUnknownTicket(ticket);
        address token = IEventTicket(ticket).currency();
        if (token == address(0)) revert WaitlistNativeCurrency(ticket);
        uint256 face = IEventTicket(ticket).tier(tierId).faceValue;
        if (!TokenPayments.permit(token, msg.sender, face, deadline, v, r, s)) revert WaitlistPermitFailed(token);
        return _join(ticket, tierId);
    }

    function _join(address ticket, uint8 tierId) private returns (uint256 position) {
        IEventTicket t = _openTicket(ticket);
        // Unknown tiers revert inside the ticket with EventTicketUnknownTier.
        TierConfig memory c = t.tier(tierId);
        if (c.mode == TransferMode.Locked) revert WaitlistTierLocked(tierId);
        uint256 minted = t.tierMinted(tierId);
        if (minted < c.supply) revert WaitlistTierNotSoldOut(tierId, c.supply - minted);
        uint256 face = c.faceValue;
        address token = t.currency();
        if (token == address(0)) {
            if (msg.value != face) revert WaitlistWrongDeposit(face, msg.value);
        } else if (msg.value != 0) {
            revert WaitlistUnexpectedValue(msg.value);
        }
        uint256 cap = t.maxPerWallet();
        if (cap != 0 && IERC721(ticket).balanceOf(msg.sender) >= cap) revert WaitlistWalletCapReached(msg.sender, cap);

        Entry storage e = entries[ticket][tierId][msg.sender];
        if (e.seq != 0) revert WaitlistAlreadyJoined(msg.sender);
        Queue storage q = queues[ticket][tierId];
        uint64 seq = q.lastSeq + 1;
        (e.prev, e.seq) = (q.tail, seq);
        if (q.tail == address(0)) q.head = msg.sender;
        else entries[ticket][tierId][q.tail].next = msg.sender;
        q.tail = msg.sender;
        q.lastSeq = seq;
        position = ++q.length;
        totalDeposits[token] += face;
        emit WaitlistJoined(ticket, tierId, msg.sender, seq, face);
        if (token != address(0) && !TokenPayments.pullExact(token, msg.sender, face)) {
            revert WaitlistUnsupportedToken(token);
        }
    }

    /// @notice Leaves the queue and takes the deposit back. Always allowed, cancelled event included.
    function leave(address ticket, uint8 tierId) external {
        leaveTo(ticket, tierId, msg.sender);
    }

    /// @notice `leave`, with the deposit paid to `to` (a wallet the currency refuses can still recover it).
    function leaveTo(address ticket, uint8 tierId, address to) public nonReentrant {
        if (entries[ticket][tierId][msg.sender].seq == 0) revert WaitlistNotJoined(msg.sender);
        uint256 face = IEventTicket(ticket).tier(tierId).faceValue;
        address token = IEventTicket(ticket).currency();
        _remove(ticket, tierId, msg.sender);
        totalDeposits[token] -= face;
        emit WaitlistLeft(ticket, tierId, msg.sender, face);
        _send(token, to, face);
    }

    /// @notice Hands `tokenId` back: it goes to the head of its tier's queue, and the caller is paid
    /// min(face, resale cap) from the head's deposit; the rest of the deposit goes back to the head
    /// (pushed, or `owed` when it cannot be). The caller must own the ticket and have approved the
    /// market, and the ticket's sale rule must allow it (`WaitlistTicketNotReturnable` with the reason
    /// otherwise). A head at the wallet cap makes the return wait (`WaitlistHeadAtCap`) until it makes
    /// room or leaves: it is never passed over or evicted, whatever others send it.
    /// @return to The wallet that received the ticket.
    function returnTicket(address ticket, uint256 tokenId) external nonReentrant returns (address to) {
        if (!factory.isEvent(ticket)) revert WaitlistUnknownTicket(ticket);
        SaleTerms memory s = IEventTicket(ticket).saleTerms(tokenId);
        if (s.holder != msg.sender) revert WaitlistNotTicketOwner(tokenId, msg.sender);
        if (s.blocker != SaleBlock.None) revert WaitlistTicketNotReturnable(tokenId, s.blocker);
        IERC721 nft = IERC721(ticket);
        if (nft.getApproved(tokenId) != address(market) && !nft.isApprovedForAll(msg.sender, address(market))) {
            revert WaitlistNotApproved(tokenId);
        }
        to = _popHead(ticket, s.tier);
        address token = s.currency;
        // The cap binds here as on the market: a return never pays more than a resale could.
        uint256 price = s.maxPrice < s.face ? s.maxPrice : s.face;
        totalDeposits[token] -= s.face;
        emit TicketReturned(ticket, tokenId, msg.sender, to, s.tier, price);
        // The ticket re-checks every transfer rule (mode, window, check-in, cap) and reverts the whole call.
        market.waitlistTransfer(ticket, msg.sender, to, tokenId);
        _send(token, msg.sender, price);
        if (s.face > price) _payChange(token, to, s.face - price);
    }

    /// @notice Pulls change in `currency` (zero: native coin) that could not be pushed to the caller.
    function withdraw(address currency) external {
        withdrawTo(currency, msg.sender);
    }

    /// @notice `withdraw`, paid to `to`.
    function withdrawTo(address currency, address to) public nonReentrant {
        uint256 amount = owed[currency][msg.sender];
        if (amount == 0) revert WaitlistNothingToWithdraw();
        owed[currency][msg.sender] = 0;
        totalOwed[currency] -= amount;
        emit Withdrawn(msg.sender, amount, currency);
        _send(currency, to, amount);
    }

    // ================================================================== views

    /// @notice 1-based place of `wallet` in the queue, 0 when not queued. Walks the list: for calls,
    /// not transactions (the indexer serves positions without the walk).
    function positionOf(address ticket, uint8 tierId, address wallet) external view returns (uint256 position) {
        if (entries[ticket][tierId][wallet].seq == 0) return 0;
        address a = queues[ticket][tierId].head;
        position = 1;
        while (a != wallet) {
            a = entries[ticket][tierId][a].next;
            ++position;
        }
    }

    /// @notice Up to `limit` queued wallets from the head, in order.
    function queued(address ticket, uint8 tierId, uint256 limit) external view returns (address[] memory wallets) {
        Queue storage q = queues[ticket][tierId];
        uint256 n = q.length < limit ? q.length : limit;
        wallets = new address[](n);
        address a = q.head;
        for (uint256 i; i < n; ++i) {
            wallets[i] = a;
            a = entries[ticket][tierId][a].next;
        }
    }

    // ================================================================== internals

    /// @dev A factory event that is not cancelled and still allows transfers (before its lock window).
    function _openTicket(address ticket) private view returns (IEventTicket t) {
        if (!factory.isEvent(ticket)) revert WaitlistUnknownTicket(ticket);
        t = IEventTicket(ticket);
        if (t.cancelled()) revert WaitlistEventCancelled(ticket);
        if (block.timestamp + t.lockWindow() >= t.startTime()) revert WaitlistClosed(ticket);
    }

    /// @dev Removes and returns the head. Service is strictly first in, first out: evicting or passing
    /// over a head at the cap would let anyone behind it jump ahead by sending it tickets.
    function _popHead(address ticket, uint8 tierId) private returns (address head) {
        head = queues[ticket][tierId].head;
        if (head == address(0)) revert WaitlistEmpty(ticket, tierId);
        uint256 cap = IEventTicket(ticket).maxPerWallet();
        if (cap != 0 && IERC721(ticket).balanceOf(head) >= cap) revert WaitlistHeadAtCap(ticket, tierId, head);
        _remove(ticket, tierId, head);
    }

    /// @dev The unused part of a served wallet's deposit: pushed with a gas cap, else owed, so a wallet
    /// that refuses payment cannot block returns.
    function _payChange(address token, address to, uint256 amount) private {
        if (TokenPayments.trySend(token, to, amount, PAYOUT_GAS)) return;
        owed[token][to] += amount;
        totalOwed[token] += amount;
        emit PaymentDeferred(to, amount, token);
    }

    function _remove(address ticket, uint8 tierId, address wallet) private {
        mapping(address => Entry) storage list = entries[ticket][tierId];
        Queue storage q = queues[ticket][tierId];
        Entry memory e = list[wallet];
        if (e.prev == address(0)) q.head = e.next;
        else list[e.prev].next = e.next;
        if (e.next == address(0)) q.tail = e.prev;
        else list[e.next].prev = e.prev;
        unchecked {
            --q.length;
        }
        delete list[wallet];
    }

    function _send(address token, address to, uint256 amount) private {
        if (token != address(0)) return TokenPayments.send(token, to, amount);
        if (amount == 0) return;
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert WaitlistPaymentFailed(to, amount);
    }
}
