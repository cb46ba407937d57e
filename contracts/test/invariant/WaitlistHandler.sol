// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {EventTicket} from "../../EventTicket.sol";
import {ResaleMarket} from "../../ResaleMarket.sol";
import {Waitlist} from "../../Waitlist.sol";
import {MockUSD} from "../mocks/MockUSD.sol";

/// Drives random joins, leaves, returns (with approvals), withdrawals, buys of the open tier (to push
/// wallets to the cap, so evictions happen), and cancellation, over a fixed set of actors that hold
/// the sold-out tickets. Keeps ghost accounting in the event's currency (native coin or a MockUSD,
/// which the actors are funded with and approve) for the invariants.
contract WaitlistHandler is Test {
    EventTicket public immutable ticket;
    ResaleMarket public immutable market;
    Waitlist public immutable waitlist;
    address public immutable organizer;
    address[] public actors;
    address public immutable currency;
    /// Tiers the waitlist can queue (0 free, 1 market-only); both sold out in the fixture.
    uint8[2] internal tiers = [0, 1];

    uint256 public ghostDeposited;
    uint256 public ghostPaidOut;
    uint256 public ghostReturns;

    constructor(EventTicket ticket_, ResaleMarket market_, Waitlist waitlist_, address organizer_, address[] memory holders) {
        (ticket, market, waitlist, organizer) = (ticket_, market_, waitlist_, organizer_);
        currency = ticket_.currency();
        for (uint256 i; i < holders.length; ++i) {
            actors.push(holders[i]);
        }
        for (uint256 i; i < 4; ++i) {
            address a = makeAddr(string.concat("waiter", vm.toString(i)));
            actors.push(a);
            vm.deal(a, 1_000 ether);
        }
        if (currency != address(0)) {
            for (uint256 i; i < actors.length; ++i) {
                MockUSD(currency).mint(actors[i], 1_000 ether);
                vm.startPrank(actors[i]);
                MockUSD(currency).approve(address(waitlist_), type(uint256).max);
                MockUSD(currency).approve(address(ticket_), type(uint256).max);
                vm.stopPrank();
            }
        }
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function _actor(uint256 seed) private view returns (address) {
        return actors[seed % actors.length];
    }

    function join(uint256 who, uint256 tierSeed) external {
        address a = _actor(who);
        uint8 tierId = tiers[tierSeed % 2];
        uint256 face = ticket.tier(tierId).faceValue;
        vm.prank(a);
        try waitlist.join{value: currency == address(0) ? face : 0}(address(ticket), tierId) {
            ghostDeposited += face;
        } catch {}
    }

    function leave(uint256 who, uint256 tierSeed) external {
        address a = _actor(who);
        uint8 tierId = tiers[tierSeed % 2];
        uint256 before = _bal(a);
        vm.prank(a);
        try waitlist.leave(address(ticket), tierId) {
            ghostPaidOut += _bal(a) - before;
        } catch {}
    }

    function returnTicket(uint256 idSeed) external {
        uint256 id = 1 + idSeed % 4; // ids 1–4: the tickets of the queueable tiers 0 and 1
        address holder = ticket.ownerOf(id);
        uint256 before = _bal(holder);
        vm.startPrank(holder);
        try ticket.approve(address(market), id) {} catch {}
        try waitlist.returnTicket(address(ticket), id) returns (address to) {
            if (to != address(0)) ++ghostReturns;
            ghostPaidOut += _bal(holder) - before;
        } catch {}
        vm.stopPrank();
    }

    function withdraw(uint256 who) external {
        address a = _actor(who);
        uint256 before = _bal(a);
        vm.prank(a);
        try waitlist.withdraw(currency) {
            ghostPaidOut += _bal(a) - before;
        } catch {}
    }

    /// Buys open-tier tickets, which can push a queued wallet to the cap (and so to eviction).
    function buyOpen(uint256 who, uint256 qty) external {
        address a = _actor(who);
        qty = bound(qty, 1, 4);
        uint256 value = ticket.tier(3).faceValue * qty;
        vm.prank(a);
        try ticket.buy{value: currency == address(0) ? value : 0}(3, qty) {} catch {}
    }

    /// Balance in the event's currency.
    function _bal(address who) public view returns (uint256) {
        return currency == address(0) ? who.balance : MockUSD(currency).balanceOf(who);
    }

    function cancel(uint256 seed) external {
        if (seed % 20 != 0) return; // rare: most runs exercise the open event
        vm.prank(organizer);
        try ticket.cancelEvent() {} catch {}
    }
}
