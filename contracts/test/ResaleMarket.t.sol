// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SaleBlock} from "../interfaces/ITicketTypes.sol";

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {ReenteringReceiver, RefusingReceiver} from "./utils/Actors.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {ResaleMarket} from "../ResaleMarket.sol";
import {EventTicket} from "../EventTicket.sol";
import {OzBaseline721} from "./fixtures/OzBaseline721.sol";

/// Listing, buying, cancelling, royalty split, stale listings, hostile receivers.
contract ResaleMarketTest is TicketFixture {
    function test_list_underCap_records() public {
        uint256 id = _paid(FREE, alice, 1);
        vm.startPrank(alice);
        ticket.approve(address(market), id);
        vm.expectEmit(address(market));
        emit IResaleMarket.Listed(address(ticket), id, alice, 0.11 ether);
        market.list(address(ticket), id, 0.11 ether);
        vm.stopPrank();
        (address seller, uint96 price) = market.listings(address(ticket), id);
        assertEq(seller, alice);
        assertEq(price, 0.11 ether);
    }

    function test_list_aboveCap_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        vm.startPrank(alice);
        ticket.approve(address(market), id);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketPriceAboveCap.selector, 0.11 ether + 1, 0.11 ether));
        market.list(address(ticket), id, 0.11 ether + 1);
        vm.stopPrank();
    }

    function test_list_unknownTicket_reverts() public {
        OzBaseline721 other = new OzBaseline721();
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketUnknownTicket.selector, address(other)));
        market.list(address(other), 1, 1);
    }

    function test_list_notOwner_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNotTicketOwner.selector, id, bob));
        vm.prank(bob);
        market.list(address(ticket), id, 1);
    }

    function test_list_checkedIn_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.CheckedIn));
        vm.prank(alice);
        market.list(address(ticket), id, 1);
    }

    function test_list_lockedTier_reverts() public {
        uint256 id = _mint(LOCKED, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Soulbound));
        vm.prank(alice);
        market.list(address(ticket), id, 0);
    }

    function test_list_cancelledEvent_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Cancelled));
        vm.prank(alice);
        market.list(address(ticket), id, 1);
    }

    function test_list_notApproved_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNotApproved.selector, id));
        vm.prank(alice);
        market.list(address(ticket), id, 1);
    }

    function test_buy_marketOnly_paysRoyaltyAndSellerInOneTx() public {
        uint256 id = _paid(MARKET_ONLY, alice, 1);
        _list(alice, id, 0.2 ether);
        uint256 sellerBefore = alice.balance;
        vm.expectEmit(address(market));
        emit IResaleMarket.Sold(address(ticket), id, bob, alice, 0.2 ether, 0.01 ether);
        vm.prank(bob);
        market.buy{value: 0.2 ether}(address(ticket), id, 0.2 ether);
        assertEq(ticket.ownerOf(id), bob);
        assertEq(organizer.balance, 0.01 ether);
        assertEq(alice.balance - sellerBefore, 0.19 ether);
        assertEq(address(market).balance, 0);
        (address seller,) = market.listings(address(ticket), id);
        assertEq(seller, address(0));
    }

    function test_buy_wrongPayment_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketWrongPayment.selector, 0.1 ether, 0.05 ether));
        vm.prank(bob);
        market.buy{value: 0.05 ether}(address(ticket), id, 0.1 ether);
    }

    /// Issue 17.5: a seller who re-lists higher in front of the buyer does not get the higher price.
    function test_buy_relistedAtAnotherPrice_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.05 ether);
        vm.prank(alice);
        market.list(address(ticket), id, 0.11 ether);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketPriceChanged.selector, 0.05 ether, 0.11 ether));
        vm.prank(bob);
        market.buy{value: 0.11 ether}(address(ticket), id, 0.05 ether);
        assertEq(ticket.ownerOf(id), alice);
    }

    function test_buy_cancelledListing_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.prank(alice);
        market.cancel(address(ticket), id);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNotListed.selector, address(ticket), id));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
    }

    function test_buy_transferredAway_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.prank(alice);
        ticket.transferFrom(alice, carol, id);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketStaleListing.selector, address(ticket), id));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
    }

    function test_buy_checkedInAfterListing_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.CheckedIn));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
    }

    function test_buy_insideLockWindow_reverts() public {
        uint256 id = _paid(MARKET_ONLY, alice, 1);
        _list(alice, id, 0.2 ether);
        vm.warp(startTime - 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.SalesClosed));
        vm.prank(bob);
        market.buy{value: 0.2 ether}(address(ticket), id, 0.2 ether);
    }

    function test_buy_eventCancelledAfterListing_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        _cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Cancelled));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
    }

    function test_buy_buyerAtWalletCap_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _mint(FREE, bob, MAX_PER_WALLET);
        _list(alice, id, 0.1 ether);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, bob, MAX_PER_WALLET));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
    }

    function test_buy_refusingSeller_creditsOwedAndWithdrawLater() public {
        RefusingReceiver seller = new RefusingReceiver();
        uint256 id = _paid(FREE, address(seller), 1);
        seller.call(address(ticket), abi.encodeCall(ticket.approve, (address(market), id)), 0);
        seller.call(address(market), abi.encodeCall(ResaleMarket.list, (address(ticket), id, 0.1 ether)), 0);
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
        assertEq(ticket.ownerOf(id), bob);
        assertEq(market.owed(address(0), address(seller)), 0.095 ether);
        assertEq(market.totalOwed(address(0)), 0.095 ether);
        assertEq(address(market).balance, 0.095 ether);
        // still refusing: withdraw fails and keeps the credit
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketWithdrawFailed.selector, address(seller), 0.095 ether));
        seller.call(address(market), abi.encodeWithSignature("withdraw(address)", address(0)), 0);
        seller.setAccept(true);
        seller.call(address(market), abi.encodeWithSignature("withdraw(address)", address(0)), 0);
        assertEq(address(seller).balance, 0.095 ether);
        assertEq(market.totalOwed(address(0)), 0);
    }

    function test_buy_gasBurningSeller_stillSells() public {
        RefusingReceiver seller = new RefusingReceiver();
        seller.setBurn(true);
        uint256 id = _paid(FREE, address(seller), 1);
        seller.call(address(ticket), abi.encodeCall(ticket.approve, (address(market), id)), 0);
        seller.call(address(market), abi.encodeCall(ResaleMarket.list, (address(ticket), id, 0.1 ether)), 0);
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
        assertEq(ticket.ownerOf(id), bob);
        assertEq(market.owed(address(0), address(seller)), 0.095 ether);
    }

    function test_buy_refusingRoyaltyReceiver_creditsOrganizer() public {
        RefusingReceiver org = new RefusingReceiver();
        vm.prank(address(org));
        EventTicket t2 = EventTicket(factory.createEventWithTiers(_config(), _tiers()));
        vm.prank(alice);
        t2.buy{value: 0.1 ether}(FREE, 1);
        vm.startPrank(alice);
        t2.approve(address(market), 1);
        market.list(address(t2), 1, 0.1 ether);
        vm.stopPrank();
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(t2), 1, 0.1 ether);
        assertEq(market.owed(address(0), address(org)), 0.005 ether);
        assertEq(t2.ownerOf(1), bob);
    }

    function test_buy_buyerReentersOnReceive_blocked() public {
        uint256 a = _paid(FREE, alice, 2);
        _list(alice, a, 0.1 ether);
        vm.prank(alice);
        ticket.approve(address(market), a + 1);
        vm.prank(alice);
        market.list(address(ticket), a + 1, 0.1 ether);
        ReenteringReceiver r = new ReenteringReceiver();
        vm.deal(address(r), 1 ether);
        r.arm(address(market), abi.encodeCall(ResaleMarket.buy, (address(ticket), a + 1, 0.1 ether)), 0.1 ether);
        r.call{value: 0.1 ether}(address(market), abi.encodeCall(ResaleMarket.buy, (address(ticket), a, 0.1 ether)), 0.1 ether);
        assertTrue(r.attempted());
        assertFalse(r.reentrySucceeded());
        assertEq(bytes4(r.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(ticket.ownerOf(a), address(r));
        assertEq(ticket.ownerOf(a + 1), alice);
    }

    function test_cancel_notSeller_reverts() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNotSeller.selector, bob));
        vm.prank(bob);
        market.cancel(address(ticket), id);
    }

    function test_cancel_newOwnerClearsStaleListing() public {
        uint256 id = _paid(FREE, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        vm.prank(bob);
        market.cancel(address(ticket), id);
        (address seller,) = market.listings(address(ticket), id);
        assertEq(seller, address(0));
    }

    function test_cancel_notListed_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNotListed.selector, address(ticket), 1));
        market.cancel(address(ticket), 1);
    }

    function test_withdraw_nothing_reverts() public {
        vm.expectRevert(IResaleMarket.MarketNothingToWithdraw.selector);
        market.withdraw(address(0));
    }
}
