// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {WaitlistFixture} from "./utils/WaitlistFixture.sol";
import {RefusingReceiver} from "./utils/Actors.sol";
import {BlocklistUSD} from "./mocks/BlocklistUSD.sol";
import {CallbackUSD} from "./mocks/CallbackUSD.sol";
import {EventTicket} from "../EventTicket.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";
import {IWaitlist} from "../interfaces/IWaitlist.sol";
import {EventConfig, SaleBlock, TierConfig, TransferMode, Voucher} from "../interfaces/ITicketTypes.sol";

/// Issue 17: the paths between EventTicket, ResaleMarket and Waitlist, as an auditor walked them.
/// Each test names the point it proves; each failed on the contracts before the fix.
contract FanMoneyPathsTest is WaitlistFixture {
    // ------------------------------------------------------------------ 1. the refund right follows the money

    /// The organizer "sells out" a tier with complimentary tickets to itself and would collect face
    /// value from the waitlist, leaving the fan with an unrefundable ticket. Refused at the source.
    function test_1_complimentaryReturnedToWaitlist_refused() public {
        EventTicket e = _newEvent(_oneTier(0.1 ether, 2, 10_000));
        vm.prank(organizer);
        uint256 comp = e.mintTo(0, 4, organizer, 2);
        _joinIn(e, dave, 0.1 ether);
        vm.startPrank(organizer);
        e.approve(address(market), comp);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTicketNotReturnable.selector, comp, SaleBlock.NotRefundable));
        waitlist.returnTicket(address(e), comp);
        vm.stopPrank();
        assertEq(waitlist.positionOf(address(e), 0, dave), 1);
    }

    /// The same through the market: a complimentary ticket changes hands there only for nothing.
    function test_1_complimentaryListedAtPrice_refused_atZeroAllowed() public {
        uint256 comp = _mintIn(ticket, OPEN, alice);
        vm.startPrank(alice);
        ticket.approve(address(market), comp);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, comp, SaleBlock.NotRefundable));
        market.list(address(ticket), comp, 1);
        market.list(address(ticket), comp, 0);
        vm.stopPrank();
        vm.prank(bob);
        market.buy(address(ticket), comp, 0);
        assertEq(ticket.ownerOf(comp), bob);
    }

    /// A fan served by the waitlist after a cancellation recovers at least what it paid.
    function test_1_waitlistServedFan_recoversPaymentAfterCancel() public {
        uint256 before = dave.balance;
        _join(dave, FREE);
        _return(alice, 1);
        vm.prank(organizer);
        ticket.cancelEvent();
        vm.prank(dave);
        ticket.refund(_ids(1));
        assertEq(dave.balance, before); // paid 0.1 into the queue, got 0.1 back from escrow
    }

    // ------------------------------------------------------------------ 2. escrow protects fans from the organizer

    function test_2_recoverAfterCancel_reverts() public {
        vm.prank(organizer);
        ticket.cancelEvent();
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        vm.prank(organizer);
        ticket.recoverTicket(1, organizer, bytes32(0));
    }

    /// Recover every paid ticket to itself, then cancel and refund: the escrow stays with the fans.
    function test_2_recoverThenCancel_refundStaysWithTheFan() public {
        vm.prank(organizer);
        ticket.recoverTicket(1, organizer, bytes32(0));
        assertEq(ticket.refundHolder(1), alice);
        vm.startPrank(organizer);
        ticket.approve(address(market), 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, 1, SaleBlock.NotRefundable));
        market.list(address(ticket), 1, 0.1 ether);
        ticket.cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotTicketOwner.selector, 1, organizer));
        ticket.refund(_ids(1));
        vm.stopPrank();
        uint256 before = alice.balance;
        vm.prank(alice);
        ticket.refund(_ids(1));
        assertEq(alice.balance - before, 0.1 ether);
        assertEq(ticket.refundHolder(1), address(0));
    }

    // ------------------------------------------------------------------ 3. no dead tickets for sale

    function test_3_unboundAfterDeadline_notListedNorReturned() public {
        EventTicket e = _newEvent(_oneTier(0.1 ether, 2, 10_000));
        bytes16[8] memory names;
        vm.prank(organizer);
        e.configureRules(0, 2 days, names); // tier 0 must be bound 2 days before the start
        uint256 id = _buyIn(e, alice, 0.1 ether, 2);
        _joinIn(e, dave, 0.1 ether);
        vm.startPrank(alice);
        e.setApprovalForAll(address(market), true);
        market.list(address(e), id, 0.1 ether); // before the deadline: fine (the buyer can still bind)
        vm.stopPrank();
        vm.warp(startTime - 2 days + 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.BindingClosed));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(e), id, 0.1 ether);
        vm.startPrank(alice);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id + 1, SaleBlock.BindingClosed));
        market.list(address(e), id + 1, 0.1 ether);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistTicketNotReturnable.selector, id + 1, SaleBlock.BindingClosed));
        waitlist.returnTicket(address(e), id + 1);
        vm.stopPrank();
    }

    /// A voucher ticket carries its buyer's identity commitment: the door checks the holder's ID against it.
    function test_3_namedVoucherTicket_notForSale() public {
        Voucher memory v = _voucher(alice, OPEN, 1, keccak256("alice id"), keccak256("n1"));
        vm.prank(alice);
        uint256 id = ticket.claim{value: 0.1 ether}(v, _sign(signerKey, v));
        vm.startPrank(alice);
        ticket.approve(address(market), id);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Named));
        market.list(address(ticket), id, 0.1 ether);
        vm.stopPrank();
    }

    /// Before the fix the market sold spent tickets once the event was over.
    function test_3_afterEndTime_notListedNorBought() public {
        uint256 id = _paid(OPEN, alice, 1);
        _list(alice, id, 0.1 ether);
        vm.warp(endTime + 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.SalesClosed));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.SalesClosed));
        vm.prank(alice);
        market.list(address(ticket), id, 0.1 ether);
    }

    function test_3_lockWindow_notListed() public {
        uint256 id = _paid(OPEN, alice, 1);
        vm.prank(alice);
        ticket.approve(address(market), id);
        vm.warp(startTime - LOCK_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.SalesClosed));
        vm.prank(alice);
        market.list(address(ticket), id, 0.1 ether);
    }

    function test_3_checkedIn_notListed() public {
        uint256 id = _paid(OPEN, alice, 1);
        vm.prank(alice);
        ticket.approve(address(market), id);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.CheckedIn));
        vm.prank(alice);
        market.list(address(ticket), id, 0.1 ether);
    }

    // ------------------------------------------------------------------ 4. the cap binds on every path

    /// Cap 80 %: a return pays 80 % of face, the head gets the other 20 % back at once; buying at the
    /// cap on the market and returning to the waitlist is no profit.
    function test_4_waitlistReturn_paysAtMostTheCap() public {
        EventTicket e = _newEvent(_oneTier(0.1 ether, 2, 8_000));
        uint256 id = _buyIn(e, alice, 0.1 ether, 2);
        _joinIn(e, dave, 0.1 ether);
        _joinIn(e, erin, 0.1 ether);
        uint256 daveBefore = dave.balance;
        uint256 aliceBefore = alice.balance;
        vm.startPrank(alice);
        e.setApprovalForAll(address(market), true);
        vm.expectEmit(address(waitlist));
        emit IWaitlist.TicketReturned(address(e), id, alice, dave, 0, 0.08 ether);
        waitlist.returnTicket(address(e), id);
        market.list(address(e), id + 1, 0.08 ether);
        vm.stopPrank();
        assertEq(alice.balance - aliceBefore, 0.08 ether);
        assertEq(dave.balance - daveBefore, 0.02 ether);

        uint256 bobBefore = bob.balance;
        vm.prank(bob);
        market.buy{value: 0.08 ether}(address(e), id + 1, 0.08 ether);
        vm.startPrank(bob);
        e.approve(address(market), id + 1);
        waitlist.returnTicket(address(e), id + 1);
        vm.stopPrank();
        assertEq(bob.balance, bobBefore); // paid 0.08, got 0.08: no profit
        assertEq(address(waitlist).balance, waitlist.totalDeposits(address(0)) + waitlist.totalOwed(address(0)));
    }

    /// A head that refuses the change cannot block the return: the change waits in `owed`.
    function test_4_changeToRefusingHead_deferred() public {
        EventTicket e = _newEvent(_oneTier(0.1 ether, 2, 8_000));
        uint256 id = _buyIn(e, alice, 0.1 ether, 2);
        RefusingReceiver head = new RefusingReceiver();
        vm.deal(address(head), 1 ether);
        head.call(address(waitlist), abi.encodeCall(waitlist.join, (address(e), 0)), 0.1 ether);
        head.setAccept(false);
        vm.startPrank(alice);
        e.approve(address(market), id);
        waitlist.returnTicket(address(e), id);
        vm.stopPrank();
        assertEq(e.ownerOf(id), address(head));
        assertEq(waitlist.owed(address(0), address(head)), 0.02 ether);
        head.call(address(waitlist), abi.encodeCall(waitlist.withdrawTo, (address(0), carol)), 0);
        assertEq(waitlist.totalOwed(address(0)), 0);
    }

    // ------------------------------------------------------------------ 7. payment hooks see no half-done state

    /// The token calls back during the payment; the callee (granted admin for the test) cancels the
    /// event. Before, `_sell` wrote back the state word it read before the payment: the cancellation
    /// was overwritten and the event silently un-cancelled.
    function test_7_tokenCallbackCancels_primaryBuy_cancellationKept() public {
        (CallbackUSD usd, EventTicket e) = _callbackEvent();
        vm.prank(alice);
        usd.approve(address(e), type(uint256).max);
        usd.setHook(address(e), abi.encodeCall(e.cancelEvent, ()));
        vm.prank(alice);
        e.buy(0, 1);
        assertTrue(e.cancelled());
        assertEq(e.tierMinted(0), 1);
        assertEq(e.escrowBalance(), usd.balanceOf(address(e)));
    }

    function test_7_tokenCallbackCancels_buySeats_cancellationKept() public {
        (CallbackUSD usd, EventTicket e) = _callbackEvent();
        vm.prank(alice);
        usd.approve(address(e), type(uint256).max);
        usd.setHook(address(e), abi.encodeCall(e.cancelEvent, ()));
        uint32[] memory seats = new uint32[](2);
        (seats[0], seats[1]) = (3, 4);
        vm.prank(alice);
        e.buySeats(1, seats);
        assertTrue(e.cancelled());
        assertEq(e.seatsSold(), 2);
        assertEq(e.escrowBalance(), usd.balanceOf(address(e)));
    }

    /// The callee mints during the payment: the count it wrote is kept too (no lost update).
    function test_7_tokenCallbackMints_countsBothSales() public {
        (CallbackUSD usd, EventTicket e) = _callbackEvent();
        vm.prank(alice);
        usd.approve(address(e), type(uint256).max);
        usd.setHook(address(e), abi.encodeWithSignature("mintTo(uint8,uint8,address,uint256)", uint8(0), uint8(4), bob, uint256(2)));
        vm.prank(alice);
        uint256 first = e.buy(0, 1);
        assertEq(e.totalMinted(), 3);
        assertEq(e.tierMinted(0), 3);
        assertEq(e.ownerOf(first), alice);
        assertEq(e.ownerOf(first + 1), bob);
        assertEq(e.ownerOf(first + 2), bob);
    }

    // ------------------------------------------------------------------ 8. funds reach a fan whose wallet cannot receive

    function test_8_refundTo_holderThatRefusesEth() public {
        RefusingReceiver fan = new RefusingReceiver();
        vm.deal(address(fan), 1 ether);
        fan.call(address(ticket), abi.encodeCall(ticket.buy, (OPEN, 1)), 0.1 ether);
        uint256 id = ticket.totalMinted();
        fan.setAccept(false);
        vm.prank(organizer);
        ticket.cancelEvent();
        vm.expectRevert(); // the plain refund cannot pay this wallet
        fan.call(address(ticket), abi.encodeWithSignature("refund(uint256[])", _ids(id)), 0);
        uint256 before = carol.balance;
        fan.call(address(ticket), abi.encodeCall(ticket.refundTo, (_ids(id), carol)), 0);
        assertEq(carol.balance - before, 0.1 ether);
    }

    function test_8_refundTo_blocklistedStablecoinHolder() public {
        BlocklistUSD bl = new BlocklistUSD();
        EventConfig memory cfg = _config();
        cfg.currency = address(bl);
        vm.prank(organizer);
        EventTicket e = EventTicket(factory.createEventWithTiers(cfg, _oneTier(25e6, 10, 10_000)));
        bl.mint(alice, 25e6);
        vm.startPrank(alice);
        bl.approve(address(e), 25e6);
        uint256 id = e.buy(0, 1);
        vm.stopPrank();
        vm.prank(organizer);
        e.cancelEvent();
        bl.setBlocked(alice, true);
        vm.prank(alice);
        e.refundTo(_ids(id), carol);
        assertEq(bl.balanceOf(carol), 25e6);
    }

    function test_8_leaveTo_depositToAnotherWallet() public {
        _join(dave, FREE);
        uint256 before = frank.balance;
        vm.prank(dave);
        waitlist.leaveTo(address(ticket), FREE, frank);
        assertEq(frank.balance - before, 0.1 ether);
        assertEq(waitlist.positionOf(address(ticket), FREE, dave), 0);
    }

    // ------------------------------------------------------------------ 9. ERC-5192 complete

    function test_9_locked_emittedAtMintOfLockedTier() public {
        EventTicket e = _newEvent(_lockedTier());
        vm.expectEmit(address(e));
        emit IERC5192.Locked(1);
        vm.prank(alice);
        e.buy{value: 0.05 ether}(0, 1);
        assertTrue(e.locked(1));
    }

    function test_9_locked_emittedAtCheckIn() public {
        uint256 id = _paid(OPEN, alice, 1);
        assertFalse(ticket.locked(id));
        vm.expectEmit(address(ticket));
        emit IERC5192.Locked(id);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        assertTrue(ticket.locked(id));
    }

    // ------------------------------------------------------------------ 10. no organizer sweep

    function test_10_unclaimedEscrow_staysClaimable_noSweep() public {
        vm.prank(organizer);
        ticket.cancelEvent();
        vm.warp(endTime + 3650 days);
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(organizer));
        uint256 before = alice.balance;
        vm.prank(alice);
        ticket.refund(_ids(1, 2));
        assertEq(alice.balance - before, 0.2 ether);
    }

    // ------------------------------------------------------------------ helpers

    function _oneTier(uint96 face, uint24 supply, uint16 capBps) internal pure returns (TierConfig[] memory t) {
        t = new TierConfig[](1);
        t[0] = TierConfig(face, supply, 1, TransferMode.Free, capBps, false, false);
    }

    function _lockedTier() internal pure returns (TierConfig[] memory t) {
        t = new TierConfig[](1);
        t[0] = TierConfig(0.05 ether, 10, 1, TransferMode.Locked, 0, false, false);
    }

    function _newEvent(TierConfig[] memory tiers) internal returns (EventTicket e) {
        vm.prank(organizer);
        e = EventTicket(factory.createEventWithTiers(_config(), tiers));
    }

    function _callbackEvent() internal returns (CallbackUSD usd, EventTicket e) {
        usd = new CallbackUSD();
        EventConfig memory cfg = _config();
        cfg.currency = address(usd);
        TierConfig[] memory t = new TierConfig[](2);
        t[0] = TierConfig(25e6, 10, 1, TransferMode.Free, 10_000, false, false);
        t[1] = TierConfig(25e6, 10, 1, TransferMode.Free, 10_000, false, true);
        vm.startPrank(organizer);
        e = EventTicket(factory.createEventWithTiers(cfg, t));
        // The token stands in for any privileged caller reachable from the payment hook.
        e.grantRole(e.DEFAULT_ADMIN_ROLE(), address(usd));
        e.grantRole(e.MINTER_ROLE(), address(usd));
        vm.stopPrank();
        usd.mint(alice, 1_000e6);
    }

    function _buyIn(EventTicket e, address who, uint256 face, uint256 n) internal returns (uint256) {
        vm.prank(who);
        return e.buy{value: face * n}(0, n);
    }

    function _joinIn(EventTicket e, address who, uint256 face) internal {
        vm.prank(who);
        waitlist.join{value: face}(address(e), 0);
    }

    function _mintIn(EventTicket e, uint8 tierId, address to) internal returns (uint256) {
        vm.prank(organizer);
        return e.mintTo(tierId, 4, to, 1);
    }
}
