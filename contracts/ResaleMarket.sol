// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IEventTicket} from "./interfaces/IEventTicket.sol";
import {IResaleMarket} from "./interfaces/IResaleMarket.sol";
import {ITicketRegistry} from "./interfaces/ITicketRegistry.sol";
import {Waitlist} from "./Waitlist.sol";
import {TokenPayments} from "./libraries/TokenPayments.sol";
import {SaleBlock, SaleTerms} from "./interfaces/ITicketTypes.sol";

/// @title ResaleMarket
/// @notice The official resale market (one per chain, deployed just before its TicketFactory, whose
/// predicted address it is given; the factory's constructor checks the link). Lists tickets of
/// factory events at or under face × cap; a sale pays the ERC-2981 royalty to the organizer and the
/// rest to the seller in the same transaction. `MarketOnly` tickets can move only through here.
/// Prices are in the event's currency (`EventTicket.currency`): the native coin, or an ERC-20 pulled
/// from the buyer (exact amount, fee-on-transfer tokens refused; EIP-2612 permit supported).
/// @dev Payouts are pushed (native coin with a gas cap); a receiver that reverts, runs out of gas, or
/// that the token refuses (e.g. a blocklisted address) is credited in `owed` and pulls with
/// `withdraw(currency)`, so no party can block a sale.
contract ResaleMarket is IResaleMarket, ReentrancyGuardTransient {
    /// @notice Gas forwarded with each pushed payout.
    uint256 public constant PAYOUT_GAS = 50_000;

    struct Listing {
        address seller;
        uint96 price;
    }

    /// @notice The factory whose events this market trades.
    ITicketRegistry public immutable factory;
    /// @notice The chain's Waitlist, deployed by this constructor: the only caller of `waitlistTransfer`.
    /// @dev Tickets trust only this market to move `MarketOnly` tickets, so the waitlist moves tickets
    /// through it rather than holding that power itself (EventTicket stays unchanged).
    address public immutable waitlist;
    mapping(address ticket => mapping(uint256 tokenId => Listing)) public listings;
    /// @notice Payouts that could not be pushed, per currency (zero: native coin), claimable with `withdraw`.
    mapping(address currency => mapping(address account => uint256)) public owed;
    /// @notice Sum of `owed` per currency: the market's balance of that currency equals it.
    mapping(address currency => uint256) public totalOwed;

    /// @param factory_ The TicketFactory that will be deployed next (its address is predictable from the
    /// deployer's nonce); it refuses a market that does not name it.
    constructor(address factory_) {
        factory = ITicketRegistry(factory_);
        waitlist = address(new Waitlist(factory_));
    }

    /// @notice Lists a ticket the caller owns at `price` (≤ face × resale cap). The caller must have
    /// approved this market for the token (or as operator). The ticket's own rule (`saleTerms`) must
    /// allow a sale: a ticket the door would refuse, or one without a refund right (complimentary or
    /// recovered; those only at price 0), is refused with `MarketTicketNotForSale` and its reason.
    function list(address ticket, uint256 tokenId, uint96 price) external {
        if (!factory.isEvent(ticket)) revert MarketUnknownTicket(ticket);
        SaleTerms memory s = IEventTicket(ticket).saleTerms(tokenId);
        if (s.holder != msg.sender) revert MarketNotTicketOwner(tokenId, msg.sender);
        _checkForSale(tokenId, s.blocker, price);
        if (price > s.maxPrice) revert MarketPriceAboveCap(price, s.maxPrice);
        if (!IERC721(ticket).isApprovedForAll(msg.sender, address(this)) && IERC721(ticket).getApproved(tokenId) != address(this)) {
            revert MarketNotApproved(tokenId);
        }
        listings[ticket][tokenId] = Listing(msg.sender, price);
        emit Listed(ticket, tokenId, msg.sender, price);
    }

    /// @notice Removes a listing. The seller, or the ticket's current owner (to clear a stale listing).
    function cancel(address ticket, uint256 tokenId) external {
        Listing memory l = listings[ticket][tokenId];
        if (l.seller == address(0)) revert MarketNotListed(ticket, tokenId);
        if (msg.sender != l.seller && IERC721(ticket).ownerOf(tokenId) != msg.sender) revert MarketNotSeller(msg.sender);
        delete listings[ticket][tokenId];
        emit ListingCancelled(ticket, tokenId, l.seller);
    }

    /// @notice Buys a listed ticket at `price`, the price the buyer saw (`MarketPriceChanged` if the
    /// listing changed since), paid in the event's currency (native coin as `msg.value`, or the ERC-20
    /// pulled with an allowance). The ticket moves to the caller (ERC-721 safe transfer), then the
    /// royalty is paid to the organizer and the rest to the seller.
    function buy(address ticket, uint256 tokenId, uint256 price) external payable nonReentrant {
        _buy(ticket, tokenId, price);
    }

    /// @notice `buy` for an ERC-20-priced event, approving `price` with the caller's EIP-2612 permit
    /// (one signature, one transaction). A permit that fails while the allowance already covers the
    /// price (front-run) does not block the purchase; a re-listing at another price does.
    function buyWithPermit(
        address ticket,
        uint256 tokenId,
        uint256 price,
        uint256 deadline,
        uint8 v,
        bytes32 r,
        bytes32 s
    ) external nonReentrant {
        // Only listed tickets reach the external calls: listings exist only for factory events.
        if (listings[ticket][tokenId].seller == address(0)) revert MarketNotListed(ticket, tokenId);
        address token = IEventTicket(ticket).currency();
        if (token == address(0)) revert MarketNativeCurrency(ticket);
        if (!TokenPayments.permit(token, msg.sender, price, deadline, v, r, s)) revert MarketPermitFailed(token);
        _buy(ticket, tokenId, price);
    }

    /// @notice Pulls payouts in `currency` (zero: native coin) that could not be pushed.
    function withdraw(address currency) external {
        withdrawTo(currency, msg.sender);
    }

    /// @notice `withdraw`, paid to `to`: for a payee the token refuses (blocklisted) or a wallet that
    /// cannot take the native coin.
    function withdrawTo(address currency, address to) public nonReentrant {
        uint256 amount = owed[currency][msg.sender];
        if (amount == 0) revert MarketNothingToWithdraw();
        owed[currency][msg.sender] = 0;
        totalOwed[currency] -= amount;
        emit Withdrawn(msg.sender, amount, currency);
        if (currency != address(0)) return TokenPayments.send(currency, to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert MarketWithdrawFailed(to, amount);
    }

    /// @inheritdoc IResaleMarket
    /// @dev The holder must have approved this market; the ticket still enforces check-in, mode,
    /// lock window and the receiver's wallet cap. Plain `transferFrom`: no receiver callback runs.
    function waitlistTransfer(address ticket, address from, address to, uint256 tokenId) external {
        if (msg.sender != waitlist) revert MarketNotWaitlist(msg.sender);
        IERC721(ticket).transferFrom(from, to, tokenId);
    }

    /// @dev Listings are only created for factory events (`list`), so `ticket` is trusted here. The
    /// sale rule is asked again: check-in, cancellation, the lock window or a deadline may have come since.
    function _buy(address ticket, uint256 tokenId, uint256 price) private {
        Listing memory l = listings[ticket][tokenId];
        if (l.seller == address(0)) revert MarketNotListed(ticket, tokenId);
        if (l.price != price) revert MarketPriceChanged(price, l.price);
        SaleTerms memory s = IEventTicket(ticket).saleTerms(tokenId);
        address token = s.currency;
        if (token == address(0)) {
            if (msg.value != price) revert MarketWrongPayment(price, msg.value);
        } else if (msg.value != 0) {
            revert MarketUnexpectedValue(msg.value);
        }
        if (s.holder != l.seller) revert MarketStaleListing(ticket, tokenId);
        _checkForSale(tokenId, s.blocker, price);
        delete listings[ticket][tokenId];
        if (token != address(0) && !TokenPayments.pullExact(token, msg.sender, l.price)) {
            revert MarketUnsupportedToken(token);
        }
        // The ticket enforces check-in, lock window and the buyer's wallet cap in its `_update`.
        IERC721(ticket).safeTransferFrom(l.seller, msg.sender, tokenId);
        (address receiver, uint256 royalty) = IERC2981(ticket).royaltyInfo(tokenId, l.price);
        if (royalty > l.price) royalty = l.price;
        _pay(token, receiver, royalty);
        _pay(token, l.seller, l.price - royalty);
        emit Sold(ticket, tokenId, msg.sender, l.seller, l.price, royalty);
    }

    /// @dev A ticket without a refund right may change hands through the market only for nothing.
    function _checkForSale(uint256 tokenId, SaleBlock blocker, uint256 price) private pure {
        if (blocker != SaleBlock.None && (blocker != SaleBlock.NotRefundable || price != 0)) {
            revert MarketTicketNotForSale(tokenId, blocker);
        }
    }

    function _pay(address token, address to, uint256 amount) private {
        if (!TokenPayments.trySend(token, to, amount, PAYOUT_GAS)) {
            owed[token][to] += amount;
            totalOwed[token] += amount;
            emit PaymentDeferred(to, amount, token);
        }
    }
}
