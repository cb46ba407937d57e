// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {EventTicket} from "../../EventTicket.sol";
import {ResaleMarket} from "../../ResaleMarket.sol";
import {Waitlist} from "../../Waitlist.sol";

/// Drives the paths between EventTicket, ResaleMarket and Waitlist with an organizer that acts
/// against its fans (complimentary mints to itself, recoveries to itself, returns to the waitlist,
/// cancellation) and fans that send tickets to the wallets queued ahead of them. Ghost accounting of
/// what fans (everyone but the organizer) paid and received on the primary sale and the waitlist.
contract FanMoneyHandler is Test {
    EventTicket public immutable ticket;
    ResaleMarket public immutable market;
    Waitlist public immutable waitlist;
    address public immutable organizer;
    address[] public fans;
    /// Queueable tiers: 0 (Free, cap 80 %) and 1 (MarketOnly, cap 120 %); tier 2 is open.
    uint8 internal constant OPEN = 2;

    /// Fans' payments on the primary sale and into the waitlist.
    uint256 public ghostFanPaid;
    /// Fans' receipts from the waitlist (leave, returns, change, withdrawals) and from refunds.
    uint256 public ghostFanReceived;
    /// Waitlist returns that paid the returner more than min(face, resale cap).
    uint256 public ghostReturnsAboveCap;
    /// Returns served to someone other than the first wallet still queued.
    uint256 public ghostServedOutOfOrder;
    uint256 public ghostReturns;
    uint256 internal puppets;
    /// Join order per tier, minus those who left or were served.
    mapping(uint8 tier => address[]) internal _queue;

    constructor(EventTicket ticket_, ResaleMarket market_, address organizer_) {
        (ticket, market, organizer) = (ticket_, market_, organizer_);
        waitlist = Waitlist(market_.waitlist());
        for (uint256 i; i < 4; ++i) {
            address a = makeAddr(string.concat("fan", vm.toString(i)));
            fans.push(a);
            vm.deal(a, 1_000 ether);
            vm.prank(a);
            ticket_.setApprovalForAll(address(market_), true);
        }
        vm.deal(organizer_, 1_000 ether);
        vm.prank(organizer_);
        ticket_.setApprovalForAll(address(market_), true);
    }

    function fanCount() external view returns (uint256) {
        return fans.length;
    }

    function queued(uint8 tierId) external view returns (address[] memory) {
        return _queue[tierId];
    }

    function _who(uint256 seed) private view returns (address) {
        uint256 i = seed % (fans.length + 1);
        return i == fans.length ? organizer : fans[i];
    }

    function _id(uint256 seed) private view returns (uint256) {
        uint256 n = ticket.totalMinted();
        return n == 0 ? 1 : 1 + seed % n;
    }

    function _isFan(address a) private view returns (bool) {
        for (uint256 i; i < fans.length; ++i) {
            if (fans[i] == a) return true;
        }
        return false;
    }

    function buy(uint256 who, uint256 tierSeed, uint256 qty) external {
        address a = _who(who);
        uint8 tierId = uint8(tierSeed % 3);
        qty = bound(qty, 1, 2);
        uint256 value = ticket.tier(tierId).faceValue * qty;
        vm.prank(a);
        try ticket.buy{value: value}(tierId, qty) {
            if (_isFan(a)) ghostFanPaid += value;
        } catch {}
    }

    /// The organizer issues complimentary tickets (to itself, to sell out a tier, or to a fan).
    function mintComp(uint256 who, uint256 tierSeed) external {
        vm.prank(organizer);
        try ticket.mintTo(uint8(tierSeed % 3), 4, _who(who), 1) {} catch {}
    }

    /// Fans queue. (The organizer does not: a fan returning at a cap under 100 % to an organizer at the
    /// head sells at the cap by choice, as on the market, which the ghost accounting leaves out.)
    function join(uint256 who, uint256 tierSeed) external {
        address a = fans[who % fans.length];
        uint8 tierId = uint8(tierSeed % 2);
        uint256 face = ticket.tier(tierId).faceValue;
        vm.prank(a);
        try waitlist.join{value: face}(address(ticket), tierId) {
            if (_isFan(a)) ghostFanPaid += face;
            _queue[tierId].push(a);
        } catch {}
    }

    function leave(uint256 who, uint256 tierSeed) external {
        address a = _who(who);
        uint8 tierId = uint8(tierSeed % 2);
        uint256 before = a.balance;
        vm.prank(a);
        try waitlist.leave(address(ticket), tierId) {
            if (_isFan(a)) ghostFanReceived += a.balance - before;
            _drop(tierId, a);
        } catch {}
    }

    /// Returns a ticket of a tier that has a queue (found from `idSeed` on), so most calls reach the waitlist.
    function returnTicket(uint256 tierSeed, uint256 idSeed) external {
        uint8 tierId = uint8(tierSeed % 2);
        if (_queue[tierId].length == 0) tierId = 1 - tierId;
        uint256 n = ticket.totalMinted();
        if (n == 0) return;
        uint256 id = _id(idSeed);
        for (uint256 k; k < n && ticket.tierOf(id) != tierId; ++k) id = id % n + 1;
        address holder = ticket.ownerOf(id);
        uint256 face = ticket.tier(tierId).faceValue;
        uint256 cap = ticket.maxResalePrice(id);
        address expected = _queue[tierId].length > 0 ? _queue[tierId][0] : address(0);
        uint256 holderBefore = holder.balance;
        uint256 headBefore = expected.balance;
        vm.prank(holder);
        try waitlist.returnTicket(address(ticket), id) returns (address to) {
            ++ghostReturns;
            if (to != expected) ++ghostServedOutOfOrder;
            uint256 paid = holder.balance - holderBefore;
            // A head returning its own ticket also gets its change back: only others' returns are sales.
            if (to != holder && paid > (cap < face ? cap : face)) ++ghostReturnsAboveCap;
            if (_isFan(holder)) ghostFanReceived += paid;
            if (_isFan(to) && to != holder) ghostFanReceived += to.balance - headBefore; // change pushed back
            _drop(tierId, to);
        } catch {}
    }

    function withdraw(uint256 who) external {
        address a = _who(who);
        uint256 before = a.balance;
        vm.prank(a);
        try waitlist.withdraw(address(0)) {
            if (_isFan(a)) ghostFanReceived += a.balance - before;
        } catch {}
    }

    /// A fan sends one of its tickets to a queued wallet (perhaps one ahead of it, to push it to the cap).
    function gift(uint256 from, uint256 tierSeed, uint256 idSeed) external {
        uint8 tierId = uint8(tierSeed % 2);
        if (_queue[tierId].length == 0) return;
        uint256 id = _id(idSeed);
        address holder = ticket.ownerOf(id);
        address to = _queue[tierId][from % _queue[tierId].length];
        // A fan giving a ticket to the organizer gives its refund right away: its own choice, not a bug.
        if (holder == to || to == organizer) return;
        vm.prank(holder);
        try ticket.transferFrom(holder, to, id) {} catch {}
    }

    function list(uint256 idSeed, uint256 price) external {
        uint256 id = _id(idSeed);
        address holder = ticket.ownerOf(id);
        price = bound(price, 0, ticket.maxResalePrice(id));
        vm.prank(holder);
        try market.list(address(ticket), id, uint96(price)) {} catch {}
    }

    /// Fans buy listings (the organizer does not: market money is outside the ghost accounting).
    function buyListing(uint256 who, uint256 idSeed) external {
        uint256 id = _id(idSeed);
        (address seller, uint96 price) = market.listings(address(ticket), id);
        if (seller == address(0)) return;
        address buyer = fans[who % fans.length];
        vm.prank(buyer);
        try market.buy{value: price}(address(ticket), id, price) {} catch {}
    }

    /// The organizer "recovers" a fan's ticket to a fresh wallet of its own (a fresh one each time, so
    /// the wallet cap never stops it).
    function recoverToOrganizer(uint256 idSeed) external {
        address puppet = makeAddr(string.concat("puppet", vm.toString(++puppets)));
        uint256 id = _id(idSeed); // before the prank: `_id` makes a call of its own
        vm.prank(organizer);
        try ticket.recoverTicket(id, puppet, bytes32(0)) {} catch {}
    }

    function cancel(uint256 seed) external {
        if (seed % 10 != 0) return;
        vm.prank(organizer);
        try ticket.cancelEvent() {} catch {}
    }

    function refund(uint256 who, uint256 idSeed) external {
        address a = _who(who);
        uint256[] memory ids = new uint256[](1);
        ids[0] = _id(idSeed);
        uint256 before = a.balance;
        vm.prank(a);
        try ticket.refund(ids) {
            if (_isFan(a)) ghostFanReceived += a.balance - before;
        } catch {}
    }

    /// What fans can still claim: the refund rights they hold, their queued deposits and waitlist change.
    function fanClaimable() external view returns (uint256 sum) {
        uint256 n = ticket.totalMinted();
        for (uint256 id = 1; id <= n; ++id) {
            address h = ticket.refundHolder(id);
            if (h != address(0) && _isFan(h)) sum += ticket.tier(ticket.tierOf(id)).faceValue;
        }
        for (uint256 i; i < fans.length; ++i) {
            for (uint8 t; t < 2; ++t) {
                if (waitlist.positionOf(address(ticket), t, fans[i]) != 0) sum += ticket.tier(t).faceValue;
            }
            sum += waitlist.owed(address(0), fans[i]);
        }
    }

    function _drop(uint8 tierId, address a) private {
        address[] storage q = _queue[tierId];
        for (uint256 i; i < q.length; ++i) {
            if (q[i] != a) continue;
            for (uint256 j = i; j + 1 < q.length; ++j) q[j] = q[j + 1];
            q.pop();
            return;
        }
    }
}
