// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {ReenteringReceiver} from "./utils/Actors.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";
import {EventTicket} from "../EventTicket.sol";
import {TierConfig, TransferMode} from "../interfaces/ITicketTypes.sol";

/// Reserved seating: one token id per seat, bought by number, never sold twice.
///   seated tier 0 RESERVED  0.1 ether, 10 seats, market only, cap 110 %
///   seated tier 1 GA        0.05 ether, 20, free transfer
contract EventTicketSeatsTest is TicketFixture {
    uint8 internal constant RESERVED = 0;
    uint8 internal constant GA = 1;
    uint256 internal constant FACE = 0.1 ether;
    EventTicket internal seated;

    function setUp() public override {
        super.setUp();
        vm.prank(organizer);
        seated = EventTicket(factory.createEventWithTiers(_config(), _seatedTiers()));
        bytes32 gateRole = seated.GATE_ROLE();
        vm.prank(organizer);
        seated.grantRole(gateRole, gate);
    }

    function _seatedTiers() internal pure returns (TierConfig[] memory t) {
        t = new TierConfig[](2);
        t[0] = TierConfig(uint96(FACE), 10, 2, TransferMode.MarketOnly, 11_000, false, true);
        t[1] = TierConfig(0.05 ether, 20, 1, TransferMode.Free, 10_000, false, false);
    }

    function _seats(uint32 a) internal pure returns (uint32[] memory s) {
        s = new uint32[](1);
        s[0] = a;
    }

    function _seats(uint32 a, uint32 b) internal pure returns (uint32[] memory s) {
        s = new uint32[](2);
        (s[0], s[1]) = (a, b);
    }

    function _buySeats(address who, uint32[] memory seats) internal returns (uint256 price) {
        vm.prank(who);
        return seated.buySeats{value: FACE * seats.length}(RESERVED, seats);
    }

    /// Seat token id of the reserved tier (pure, so it never eats a `vm.prank` or `vm.expectRevert`).
    function _id(uint32 seat) internal pure returns (uint256) {
        return (1 << 32) | (uint256(RESERVED) << 24) | seat;
    }

    // ------------------------------------------------------------------ buying seats
    function test_buySeats_mintsOneTokenPerSeatIntoEscrow() public {
        uint32[] memory seats = _seats(7, 2);
        vm.expectEmit(address(seated));
        emit IEventTicket.SeatsPurchased(alice, RESERVED, seats, 2 * FACE);
        assertEq(_buySeats(alice, seats), 2 * FACE);
        assertEq(seated.seatTokenId(RESERVED, 7), _id(7));
        assertEq(seated.ownerOf(_id(7)), alice);
        assertEq(seated.ownerOf(_id(2)), alice);
        assertEq(seated.tierOf(_id(7)), RESERVED);
        assertEq(seated.zonesOf(_id(2)), 2);
        assertTrue(seated.isPaid(_id(7)));
        assertEq(seated.balanceOf(alice), 2);
        assertEq(seated.boughtBy(alice), 2);
        assertEq(seated.tierMinted(RESERVED), 2);
        assertEq(seated.seatsSold(), 2);
        assertEq(seated.escrowBalance(), 2 * FACE);
        assertEq(address(seated).balance, 2 * FACE);
        vm.expectRevert();
        seated.ownerOf(_id(3));
    }

    function test_buySeats_keepsGeneralAdmissionIdsSequential() public {
        _buySeats(alice, _seats(0, 1));
        vm.prank(bob);
        uint256 first = seated.buy{value: 0.05 ether}(GA, 1);
        assertEq(first, 1);
        assertEq(seated.totalMinted(), 1);
        assertEq(seated.seatTokenId(RESERVED, 0), (1 << 32));
        assertEq(seated.seatTokenId(3, 5), (1 << 32) | (3 << 24) | 5);
    }

    function test_buySeats_seatTaken_secondBuyerRevertsAndPaysNothing() public {
        _buySeats(alice, _seats(3));
        uint256 before = bob.balance;
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketSeatTaken.selector, RESERVED, 3));
        _buySeats(bob, _seats(4, 3));
        assertEq(bob.balance, before);
        assertEq(seated.ownerOf(_id(3)), alice);
        // The whole group failed: seat 4 is still free.
        _buySeats(carol, _seats(4));
        assertEq(seated.ownerOf(_id(4)), carol);
    }

    function test_buySeats_sameSeatTwiceInOneCall_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketSeatTaken.selector, RESERVED, 5));
        _buySeats(alice, _seats(5, 5));
    }

    function test_buySeats_seatOutsideTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownSeat.selector, RESERVED, 10));
        _buySeats(alice, _seats(10));
    }

    function test_buySeats_generalAdmissionTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotReserved.selector, GA));
        vm.prank(alice);
        seated.buySeats{value: 0.05 ether}(GA, _seats(0));
    }

    function test_buySeats_unknownTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownTier.selector, 5));
        vm.prank(alice);
        seated.buySeats(5, _seats(0));
    }

    function test_buySeats_empty_reverts() public {
        vm.expectRevert(IEventTicket.EventTicketEmptyBatch.selector);
        vm.prank(alice);
        seated.buySeats(RESERVED, new uint32[](0));
    }

    function test_buySeats_wrongPayment_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWrongPayment.selector, 2 * FACE, FACE));
        vm.prank(alice);
        seated.buySeats{value: FACE}(RESERVED, _seats(0, 1));
    }

    function test_buySeats_overWalletCap_reverts() public {
        uint32[] memory four = new uint32[](4);
        for (uint32 i; i < 4; ++i) four[i] = i;
        _buySeats(alice, four);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, alice, MAX_PER_WALLET));
        _buySeats(alice, _seats(8));
    }

    function test_buySeats_cancelled_reverts() public {
        vm.prank(organizer);
        seated.cancelEvent();
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        _buySeats(alice, _seats(0));
    }

    function test_buySeats_afterEnd_reverts() public {
        vm.warp(endTime);
        vm.expectRevert(IEventTicket.EventTicketSaleClosed.selector);
        _buySeats(alice, _seats(0));
    }

    function test_buySeats_countsAgainstPublicQuota() public {
        bytes16[8] memory names;
        vm.prank(organizer);
        seated.configureRules(2 | (1 << 26), 0, names); // public sale: 2 tickets, seats included
        _buySeats(alice, _seats(0, 1));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketChannelQuotaExceeded.selector, 0, 1, 0));
        vm.prank(bob);
        seated.buy{value: 0.05 ether}(GA, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketChannelQuotaExceeded.selector, 0, 1, 0));
        _buySeats(bob, _seats(2));
    }

    function test_configureRules_afterSeatSale_reverts() public {
        _buySeats(alice, _seats(0));
        bytes16[8] memory names;
        vm.expectRevert(IEventTicket.EventTicketSetupClosed.selector);
        vm.prank(organizer);
        seated.configureRules(0, 0, names);
    }

    function test_buySeats_reentryFromReceiver_reverts() public {
        ReenteringReceiver attacker = new ReenteringReceiver();
        vm.deal(address(attacker), 1 ether);
        attacker.arm(address(seated), abi.encodeCall(seated.buySeats, (RESERVED, _seats(1))), FACE);
        attacker.call(address(seated), abi.encodeCall(seated.buySeats, (RESERVED, _seats(0))), FACE);
        assertTrue(attacker.attempted());
        assertFalse(attacker.reentrySucceeded());
        assertEq(bytes4(attacker.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(seated.ownerOf(_id(0)), address(attacker));
        assertEq(seated.seatsSold(), 1);
    }

    // ------------------------------------------------------------------ general admission paths refuse seats
    function test_buy_reservedTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketSeatsRequired.selector, RESERVED));
        vm.prank(alice);
        seated.buy{value: FACE}(RESERVED, 1);
    }

    function test_mintTo_reservedTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketSeatsRequired.selector, RESERVED));
        vm.prank(organizer);
        seated.mintTo(RESERVED, ORGANIZER_CH, alice, 1);
    }

    function test_constructor_reservedVoucherOnly_reverts() public {
        TierConfig[] memory t = _seatedTiers();
        t[0].voucherOnly = true;
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        vm.prank(organizer);
        factory.createEventWithTiers(_config(), t);
    }

    function test_tier_reportsReserved() public view {
        assertTrue(seated.tier(RESERVED).reserved);
        assertFalse(seated.tier(GA).reserved);
    }

    // ------------------------------------------------------------------ same rules as every ticket
    function test_seat_marketOnly_directTransfer_reverts() public {
        _buySeats(alice, _seats(0));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketMarketOnly.selector, _id(0)));
        vm.prank(alice);
        seated.transferFrom(alice, bob, _id(0));
    }

    function test_seat_resaleAboveCap_reverts_atCapSells() public {
        _buySeats(alice, _seats(6));
        uint256 id = _id(6);
        assertEq(seated.maxResalePrice(id), 0.11 ether);
        vm.startPrank(alice);
        seated.approve(address(market), id);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketPriceAboveCap.selector, 0.11 ether + 1, 0.11 ether));
        market.list(address(seated), id, 0.11 ether + 1);
        market.list(address(seated), id, 0.11 ether);
        vm.stopPrank();
        vm.prank(bob);
        market.buy{value: 0.11 ether}(address(seated), id, 0.11 ether);
        assertEq(seated.ownerOf(id), bob);
    }

    function test_seat_checkInThenNeverMoves() public {
        _buySeats(alice, _seats(1));
        uint256[] memory ids = new uint256[](1);
        ids[0] = _id(1);
        vm.prank(gate);
        seated.checkIn(ids);
        assertTrue(seated.isCheckedIn(_id(1)));
        vm.prank(organizer);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketCheckedIn.selector, _id(1)));
        seated.recoverTicket(_id(1), bob, bytes32(0));
    }

    function test_seat_refundAfterCancellation() public {
        _buySeats(alice, _seats(8, 9));
        vm.prank(organizer);
        seated.cancelEvent();
        uint256 before = alice.balance;
        uint256[] memory ids = new uint256[](2);
        (ids[0], ids[1]) = (_id(8), _id(9));
        vm.prank(alice);
        assertEq(seated.refund(ids), 2 * FACE);
        assertEq(alice.balance, before + 2 * FACE);
        assertEq(seated.escrowBalance(), 0);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotRefundable.selector, _id(8)));
        seated.refund(ids);
    }

    // ------------------------------------------------------------------ fuzz: a seat is sold once
    /// Random buyers try random groups of seats (overlaps included): every seat ends with exactly the
    /// first buyer who asked for it in a successful group, counts and escrow match, nobody overpays.
    function testFuzz_buySeats_neverSellsASeatTwice(uint256 seed) public {
        address[3] memory buyers = [alice, bob, carol];
        address[10] memory expected;
        uint256 sold;
        for (uint256 round; round < 8; ++round) {
            seed = uint256(keccak256(abi.encode(seed, round)));
            address who = buyers[seed % 3];
            uint32[] memory group = _seats(uint32((seed >> 8) % 10), uint32((seed >> 16) % 10));
            bool free = group[0] != group[1] && expected[group[0]] == address(0) && expected[group[1]] == address(0);
            bool underCap = seated.balanceOf(who) + 2 <= MAX_PER_WALLET;
            vm.prank(who);
            try seated.buySeats{value: 2 * FACE}(RESERVED, group) {
                assertTrue(free && underCap, "sold a taken seat or over the cap");
                (expected[group[0]], expected[group[1]]) = (who, who);
                sold += 2;
            } catch {
                assertFalse(free && underCap, "refused a free group");
            }
        }
        for (uint32 s; s < 10; ++s) {
            if (expected[s] == address(0)) continue;
            assertEq(seated.ownerOf(_id(s)), expected[s]);
        }
        assertEq(seated.seatsSold(), sold);
        assertEq(seated.tierMinted(RESERVED), sold);
        assertEq(seated.escrowBalance(), sold * FACE);
        assertEq(address(seated).balance, sold * FACE);
    }
}
