// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {WaitlistFixture} from "../utils/WaitlistFixture.sol";
import {WaitlistHandler} from "./WaitlistHandler.sol";
import {TicketFixture} from "../utils/TicketFixture.sol";
import {EventTicket} from "../../EventTicket.sol";
import {Waitlist} from "../../Waitlist.sol";
import {EventConfig, TierConfig, TransferMode} from "../../interfaces/ITicketTypes.sol";
import {MockUSD} from "../mocks/MockUSD.sol";

/// Invariants of the waitlist under random join/leave/return/withdraw/buy/cancel sequences.
contract WaitlistInvariantTest is WaitlistFixture {
    WaitlistHandler handler;

    function setUp() public virtual override {
        super.setUp();
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, carol);
        handler = new WaitlistHandler(ticket, market, waitlist, organizer, holders);
        targetContract(address(handler));
    }

    /// The contract holds exactly the open deposits plus what evicted heads are owed; every wei that
    /// came in is either still held or was paid out.
    function invariant_balanceIsDepositsPlusOwed() public view {
        address c = ticket.currency();
        uint256 held = handler._bal(address(waitlist));
        assertEq(held, waitlist.totalDeposits(c) + waitlist.totalOwed(c));
        assertEq(handler.ghostDeposited(), handler.ghostPaidOut() + held);
        uint256 owedSum;
        for (uint256 i; i < handler.actorCount(); ++i) {
            owedSum += waitlist.owed(c, handler.actors(i));
        }
        assertEq(owedSum, waitlist.totalOwed(c));
    }

    /// Each queue, walked from head to tail, is in join order (strictly increasing seq), its links
    /// agree both ways, its length matches, and the queued deposits sum to `totalDeposits`.
    function invariant_queuesFifoAndConsistent() public view {
        uint256 deposits;
        for (uint8 tierId; tierId < 2; ++tierId) {
            (address head, uint64 length, address tail,) = waitlist.queues(address(ticket), tierId);
            address prev;
            uint64 lastSeq;
            uint256 n;
            for (address a = head; a != address(0); ++n) {
                (address p, uint64 seq, address next) = waitlist.entries(address(ticket), tierId, a);
                assertEq(p, prev);
                assertGt(seq, lastSeq);
                (prev, lastSeq, a) = (a, seq, next);
                assertLe(n, handler.actorCount());
            }
            assertEq(prev, tail);
            assertEq(n, length);
            deposits += n * ticket.tier(tierId).faceValue;
        }
        assertEq(deposits, waitlist.totalDeposits(ticket.currency()));
    }
}

/// The same invariants with WaitlistFixture's event priced in a 6-decimal stablecoin.
contract WaitlistStablecoinInvariantTest is WaitlistInvariantTest {
    function setUp() public override {
        TicketFixture.setUp();
        waitlist = Waitlist(market.waitlist());
        MockUSD usd = new MockUSD();
        EventConfig memory cfg = _config();
        cfg.currency = address(usd);
        TierConfig[] memory t = new TierConfig[](4);
        t[0] = TierConfig(25e6, 2, 1, TransferMode.Free, 10_000, false, false);
        t[1] = TierConfig(40e6, 2, 3, TransferMode.MarketOnly, 10_000, false, false);
        t[2] = TierConfig(10e6, 1, 1, TransferMode.Locked, 0, false, false);
        t[3] = TierConfig(25e6, 100, 1, TransferMode.Free, 10_000, false, false);
        vm.prank(organizer);
        ticket = EventTicket(factory.createEventWithTiers(cfg, t));
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, carol);
        handler = new WaitlistHandler(ticket, market, waitlist, organizer, holders); // funds and approves
        _buyUsd(alice, FREE, 2);
        _buyUsd(bob, MARKET_ONLY, 2);
        _buyUsd(carol, LOCKED, 1);
        targetContract(address(handler));
    }

    function _buyUsd(address who, uint8 tierId, uint256 n) private {
        vm.prank(who);
        ticket.buy(tierId, n);
    }

    /// The handler really moves the token (the invariants are not vacuous).
    function test_handler_joinsInToken() public {
        assertTrue(ticket.currency() != address(0));
        assertEq(ticket.ownerOf(5), carol);
        handler.join(3, 0); // a waiter joins tier 0
        assertEq(handler.ghostDeposited(), 25e6);
        assertEq(waitlist.totalDeposits(ticket.currency()), 25e6);
    }
}
