// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SaleBlock} from "../interfaces/ITicketTypes.sol";

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {WaitlistFixture} from "./utils/WaitlistFixture.sol";
import {ReenteringPayee, RefusingReceiver} from "./utils/Actors.sol";
import {IWaitlist} from "../interfaces/IWaitlist.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";
import {Waitlist} from "../Waitlist.sol";
import {OzBaseline721} from "./fixtures/OzBaseline721.sol";

/// Joining, leaving, returning tickets to the head of the queue, evictions, hostile payees.
contract WaitlistTest is WaitlistFixture {
    // ------------------------------------------------------------------ join

    function test_join_soldOutTier_queuesInOrder() public {
        vm.expectEmit(address(waitlist));
        emit IWaitlist.WaitlistJoined(address(ticket), FREE, dave, 1, 0.1 ether);
        assertEq(_join(dave, FREE), 1);
        assertEq(_join(erin, FREE), 2);
        address[] memory q = _queue(FREE);
        assertEq(q.length, 2);
        assertEq(q[0], dave);
        assertEq(q[1], erin);
        assertEq(waitlist.positionOf(address(ticket), FREE, erin), 2);
        assertEq(waitlist.positionOf(address(ticket), FREE, frank), 0);
        assertEq(address(waitlist).balance, 0.2 ether);
        assertEq(waitlist.totalDeposits(address(0)), 0.2 ether);
    }

    function test_join_tierNotSoldOut_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTierNotSoldOut.selector, OPEN, 100));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether}(address(ticket), OPEN);
    }

    function test_join_depositBelowFace_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistWrongDeposit.selector, 0.1 ether, 0.1 ether - 1));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether - 1}(address(ticket), FREE);
    }

    function test_join_depositAboveFace_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistWrongDeposit.selector, 0.2 ether, 0.3 ether));
        vm.prank(dave);
        waitlist.join{value: 0.3 ether}(address(ticket), MARKET_ONLY);
    }

    function test_join_twice_reverts() public {
        _join(dave, FREE);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistAlreadyJoined.selector, dave));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether}(address(ticket), FREE);
    }

    function test_join_lockedTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTierLocked.selector, LOCKED));
        vm.prank(dave);
        waitlist.join{value: 0.05 ether}(address(ticket), LOCKED);
    }

    function test_join_unknownTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownTier.selector, 7));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether}(address(ticket), 7);
    }

    function test_join_unknownTicket_reverts() public {
        OzBaseline721 other = new OzBaseline721();
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistUnknownTicket.selector, address(other)));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether}(address(other), FREE);
    }

    function test_join_cancelledEvent_reverts() public {
        _cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistEventCancelled.selector, address(ticket)));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether}(address(ticket), FREE);
    }

    function test_join_lockWindowOpen_reverts() public {
        vm.warp(startTime - LOCK_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistClosed.selector, address(ticket)));
        vm.prank(dave);
        waitlist.join{value: 0.1 ether}(address(ticket), FREE);
    }

    function test_join_walletAtCap_reverts() public {
        _buy(alice, OPEN, 2); // alice now holds 4 = MAX_PER_WALLET
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistWalletCapReached.selector, alice, MAX_PER_WALLET));
        vm.prank(alice);
        waitlist.join{value: 0.1 ether}(address(ticket), FREE);
    }

    // ------------------------------------------------------------------ leave

    function test_leave_refundsDepositAndKeepsOrder() public {
        _join(dave, FREE);
        _join(erin, FREE);
        _join(frank, FREE);
        uint256 before = erin.balance;
        vm.expectEmit(address(waitlist));
        emit IWaitlist.WaitlistLeft(address(ticket), FREE, erin, 0.1 ether);
        vm.prank(erin);
        waitlist.leave(address(ticket), FREE);
        assertEq(erin.balance - before, 0.1 ether);
        address[] memory q = _queue(FREE);
        assertEq(q.length, 2);
        assertEq(q[0], dave);
        assertEq(q[1], frank);
        assertEq(address(waitlist).balance, 0.2 ether);
    }

    function test_leave_headAndTail_relinks() public {
        _join(dave, FREE);
        _join(erin, FREE);
        vm.prank(dave);
        waitlist.leave(address(ticket), FREE);
        vm.prank(erin);
        waitlist.leave(address(ticket), FREE);
        (address head, uint64 length, address tail,) = waitlist.queues(address(ticket), FREE);
        assertEq(head, address(0));
        assertEq(tail, address(0));
        assertEq(length, 0);
        // Rejoining starts a fresh entry at the back with a higher sequence number.
        _join(dave, FREE);
        (, uint64 seq,) = waitlist.entries(address(ticket), FREE, dave);
        assertEq(seq, 3);
    }

    function test_leave_notOnWaitlist_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistNotJoined.selector, dave));
        vm.prank(dave);
        waitlist.leave(address(ticket), FREE);
    }

    function test_leave_afterCancellation_refunds() public {
        _join(dave, MARKET_ONLY);
        _cancelEvent();
        uint256 before = dave.balance;
        vm.prank(dave);
        waitlist.leave(address(ticket), MARKET_ONLY);
        assertEq(dave.balance - before, 0.2 ether);
        assertEq(address(waitlist).balance, 0);
    }

    function test_leave_refusingWallet_revertsAndKeepsEntry() public {
        RefusingReceiver r = new RefusingReceiver();
        vm.deal(address(r), 1 ether);
        r.setAccept(true);
        r.call(address(waitlist), abi.encodeCall(Waitlist.join, (address(ticket), FREE)), 0.1 ether);
        r.setAccept(false);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistPaymentFailed.selector, address(r), 0.1 ether));
        r.call(address(waitlist), abi.encodeWithSignature("leave(address,uint8)", address(ticket), FREE), 0);
        assertEq(waitlist.positionOf(address(ticket), FREE, address(r)), 1);
    }

    function test_leave_reentrantPayee_blockedAndPaidOnce() public {
        ReenteringPayee p = new ReenteringPayee();
        vm.deal(address(p), 1 ether);
        p.call(address(waitlist), abi.encodeCall(Waitlist.join, (address(ticket), FREE)), 0.1 ether);
        p.arm(address(waitlist), abi.encodeWithSignature("leave(address,uint8)", address(ticket), FREE));
        p.call(address(waitlist), abi.encodeWithSignature("leave(address,uint8)", address(ticket), FREE), 0);
        assertTrue(p.attempted());
        assertFalse(p.reentrySucceeded());
        assertEq(bytes4(p.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(address(p).balance, 1 ether);
        assertEq(address(waitlist).balance, 0);
    }

    // ------------------------------------------------------------------ return

    function test_returnTicket_freeTier_goesToHeadAndPaysFace() public {
        _join(dave, FREE);
        _join(erin, FREE);
        uint256 before = alice.balance;
        vm.startPrank(alice);
        ticket.approve(address(market), 1);
        vm.expectEmit(address(waitlist));
        emit IWaitlist.TicketReturned(address(ticket), 1, alice, dave, FREE, 0.1 ether);
        address to = waitlist.returnTicket(address(ticket), 1);
        vm.stopPrank();
        assertEq(to, dave);
        assertEq(ticket.ownerOf(1), dave);
        assertEq(alice.balance - before, 0.1 ether);
        address[] memory q = _queue(FREE);
        assertEq(q.length, 1);
        assertEq(q[0], erin);
        assertEq(address(waitlist).balance, 0.1 ether);
        assertEq(waitlist.totalDeposits(address(0)), 0.1 ether);
    }

    function test_returnTicket_marketOnlyTier_movesThroughMarket() public {
        _join(dave, MARKET_ONLY);
        uint256 before = bob.balance;
        assertEq(_return(bob, 3), dave);
        assertEq(ticket.ownerOf(3), dave);
        assertEq(bob.balance - before, 0.2 ether);
        // The ticket keeps its escrow: on a later cancellation the new holder is refunded.
        assertTrue(ticket.isPaid(3));
    }

    function test_returnTicket_operatorApproval_accepted() public {
        _join(dave, MARKET_ONLY);
        vm.startPrank(bob);
        ticket.setApprovalForAll(address(market), true);
        waitlist.returnTicket(address(ticket), 4);
        vm.stopPrank();
        assertEq(ticket.ownerOf(4), dave);
    }

    function test_returnTicket_notApproved_reverts() public {
        _join(dave, FREE);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistNotApproved.selector, 1));
        vm.prank(alice);
        waitlist.returnTicket(address(ticket), 1);
    }

    function test_returnTicket_notOwner_reverts() public {
        _join(dave, FREE);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistNotTicketOwner.selector, 1, bob));
        vm.prank(bob);
        waitlist.returnTicket(address(ticket), 1);
    }

    function test_returnTicket_checkedIn_reverts() public {
        _join(dave, FREE);
        vm.prank(gate);
        ticket.checkIn(_ids(1));
        vm.startPrank(alice);
        ticket.approve(address(market), 1);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTicketNotReturnable.selector, 1, SaleBlock.CheckedIn));
        waitlist.returnTicket(address(ticket), 1);
        vm.stopPrank();
    }

    function test_returnTicket_emptyQueue_reverts() public {
        vm.startPrank(alice);
        ticket.approve(address(market), 1);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistEmpty.selector, address(ticket), FREE));
        waitlist.returnTicket(address(ticket), 1);
        vm.stopPrank();
    }

    function test_returnTicket_cancelledEvent_reverts() public {
        _join(dave, FREE);
        vm.prank(alice);
        ticket.approve(address(market), 1);
        _cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTicketNotReturnable.selector, 1, SaleBlock.Cancelled));
        vm.prank(alice);
        waitlist.returnTicket(address(ticket), 1);
    }

    function test_returnTicket_lockWindowOpen_reverts() public {
        _join(dave, FREE);
        vm.prank(alice);
        ticket.approve(address(market), 1);
        vm.warp(startTime - 1);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTicketNotReturnable.selector, 1, SaleBlock.SalesClosed));
        vm.prank(alice);
        waitlist.returnTicket(address(ticket), 1);
    }

    function test_returnTicket_lockedTicket_cannotApproveMarket() public {
        // A locked ticket takes no approval, so it can never be returned (and its tier has no queue).
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketApprovalNotAllowed.selector, 5, address(market)));
        vm.prank(carol);
        ticket.approve(address(market), 5);
    }

    /// Issue 17.6: erin, behind dave, sends him tickets until he is at the cap. Before, dave was evicted
    /// at the next return and erin served first; now the return waits for dave, who keeps his place.
    function test_returnTicket_headPushedToCapByNextInLine_keepsPlaceAndIsServedFirst() public {
        _join(dave, FREE);
        _join(erin, FREE);
        uint256 gift = _buy(erin, OPEN, 4);
        vm.startPrank(erin);
        for (uint256 i; i < 4; ++i) ticket.transferFrom(erin, dave, gift + i);
        vm.stopPrank();
        vm.prank(alice);
        ticket.approve(address(market), 1);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistHeadAtCap.selector, address(ticket), FREE, dave));
        vm.prank(alice);
        waitlist.returnTicket(address(ticket), 1);
        assertEq(waitlist.positionOf(address(ticket), FREE, dave), 1);
        assertEq(waitlist.positionOf(address(ticket), FREE, erin), 2);
        assertEq(waitlist.totalOwed(address(0)), 0);
        // dave makes room and is served before erin.
        vm.prank(dave);
        ticket.transferFrom(dave, carol, gift);
        vm.prank(alice);
        assertEq(waitlist.returnTicket(address(ticket), 1), dave);
        assertEq(waitlist.positionOf(address(ticket), FREE, erin), 1);
        assertEq(address(waitlist).balance, waitlist.totalDeposits(address(0)) + waitlist.totalOwed(address(0)));
    }

    function test_waitlistTransfer_notWaitlist_reverts() public {
        vm.prank(alice);
        ticket.approve(address(market), 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNotWaitlist.selector, bob));
        vm.prank(bob);
        market.waitlistTransfer(address(ticket), alice, bob, 1);
    }

    function test_returnTicket_reentrantReturner_blockedAndPaidOnce() public {
        ReenteringPayee p = new ReenteringPayee();
        vm.prank(alice);
        ticket.transferFrom(alice, address(p), 1);
        _join(dave, FREE);
        _join(erin, FREE);
        p.call(address(ticket), abi.encodeWithSignature("approve(address,uint256)", address(market), 1), 0);
        // On payment, try to return the same ticket again (to serve erin twice-paid).
        p.arm(address(waitlist), abi.encodeCall(Waitlist.returnTicket, (address(ticket), 1)));
        p.call(address(waitlist), abi.encodeCall(Waitlist.returnTicket, (address(ticket), 1)), 0);
        assertTrue(p.attempted());
        assertFalse(p.reentrySucceeded());
        assertEq(bytes4(p.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(address(p).balance, 0.1 ether);
        assertEq(ticket.ownerOf(1), dave);
        assertEq(waitlist.positionOf(address(ticket), FREE, erin), 1);
        assertEq(address(waitlist).balance, 0.1 ether);
    }
}
