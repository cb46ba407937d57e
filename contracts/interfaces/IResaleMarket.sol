// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ITicketRegistry} from "./ITicketRegistry.sol";
import {SaleBlock} from "./ITicketTypes.sol";

/// @title IResaleMarket
/// @notice Events and errors of the official ResaleMarket.
interface IResaleMarket {
    event Listed(address indexed ticket, uint256 indexed tokenId, address indexed seller, uint256 price);
    event ListingCancelled(address indexed ticket, uint256 indexed tokenId, address indexed seller);
    /// @notice A resale: `royalty` went to the organizer, `price - royalty` to the seller (or to `owed`).
    event Sold(
        address indexed ticket,
        uint256 indexed tokenId,
        address indexed buyer,
        address seller,
        uint256 price,
        uint256 royalty
    );
    /// @notice A payout could not be pushed; `to` can `withdraw(currency)` it (zero: the native coin).
    event PaymentDeferred(address indexed to, uint256 amount, address indexed currency);
    event Withdrawn(address indexed to, uint256 amount, address indexed currency);

    error MarketUnknownTicket(address ticket);
    error MarketNotTicketOwner(uint256 tokenId, address caller);
    error MarketPriceAboveCap(uint256 price, uint256 cap);
    /// @notice The ticket's sale rule refuses it (`EventTicket.saleTerms`); `reason` says why.
    error MarketTicketNotForSale(uint256 tokenId, SaleBlock reason);
    /// @notice The listing's price is not the one the buyer named (re-listed since the buyer looked).
    error MarketPriceChanged(uint256 expected, uint256 actual);
    error MarketNotApproved(uint256 tokenId);
    error MarketNotListed(address ticket, uint256 tokenId);
    error MarketStaleListing(address ticket, uint256 tokenId);
    error MarketWrongPayment(uint256 expected, uint256 received);
    error MarketNotSeller(address caller);
    error MarketNothingToWithdraw();
    error MarketWithdrawFailed(address to, uint256 amount);
    error MarketNotWaitlist(address caller);
    /// @notice An ERC-20-priced listing was sent native coin.
    error MarketUnexpectedValue(uint256 value);
    /// @notice The permit path was used for a native-coin event.
    error MarketNativeCurrency(address ticket);
    /// @notice The token delivered a different amount than was transferred (fee-on-transfer, rebasing).
    error MarketUnsupportedToken(address token);
    /// @notice The permit failed and the allowance does not cover the price (expired, bad signature).
    error MarketPermitFailed(address token);

    /// @notice The factory whose events this market trades (checked by the factory's constructor).
    function factory() external view returns (ITicketRegistry);

    /// @notice Moves a returned ticket to the head of its waitlist; callable only by the waitlist.
    function waitlistTransfer(address ticket, address from, address to, uint256 tokenId) external;
}
