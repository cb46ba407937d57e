// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {WaitlistFixture} from "../utils/WaitlistFixture.sol";
import {WaitlistHandler} from "./WaitlistHandler.sol";

/// Invariants of the waitlist under random join/leave/return/withdraw/buy/cancel sequences.
contract WaitlistInvariantTest is WaitlistFixture {
    WaitlistHandler handler;

    function setUp() public override {
        super.setUp();
        address[] memory holders = new address[](3);
        (holders[0], holders[1], holders[2]) = (alice, bob, carol);
        handler = new WaitlistHandler(ticket, market, waitlist, organizer, holders);
        targetContract(address(handler));
    }

    /// The contract holds exactly the open deposits plus what evicted heads are owed; every wei that
    /// came in is either still held or was paid out.
    function invariant_balanceIsDepositsPlusOwed() public view {
        assertEq(address(waitlist).balance, waitlist.totalDeposits() + waitlist.totalOwed());
        assertEq(handler.ghostDeposited(), handler.ghostPaidOut() + address(waitlist).balance);
        uint256 owedSum;
        for (uint256 i; i < handler.actorCount(); ++i) {
            owedSum += waitlist.owed(handler.actors(i));
        }
        assertEq(owedSum, waitlist.totalOwed());
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
        assertEq(deposits, waitlist.totalDeposits());
    }
}
