// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {Test} from "forge-std/Test.sol";
import {EventTicket} from "../../EventTicket.sol";
import {ResaleMarket} from "../../ResaleMarket.sol";
import {MockUSD} from "../mocks/MockUSD.sol";

/// Drives random sequences of sales, mints, transfers, listings, resales, check-ins, cancellation,
/// refunds and withdrawals by a fixed set of actors, and keeps ghost accounting for the invariants.
/// Works for a native-coin event and for one priced in a MockUSD (actors funded and approving).
contract TicketHandler is Test {
    EventTicket public immutable ticket;
    ResaleMarket public immutable market;
    address public immutable organizer;
    address public immutable gate;
    address[] public actors;
    /// The event's currency (zero: native coin).
    address public immutable currency;

    uint256 public ghostPrimaryIn;
    uint256 public ghostRefunded;
    uint256 public ghostWithdrawn;
    uint256 public ghostResaleIn;
    uint256 public ghostSalesAboveCap;
    uint256 public ghostMovedAfterCheckIn;
    uint256 public ghostWrongChannel;
    uint256[] public checkedIn;
    mapping(uint256 => address) public ownerAtCheckIn;

    constructor(EventTicket ticket_, ResaleMarket market_, address organizer_, address gate_) {
        (ticket, market, organizer, gate) = (ticket_, market_, organizer_, gate_);
        currency = ticket_.currency();
        for (uint256 i; i < 5; ++i) {
            address a = makeAddr(string.concat("actor", vm.toString(i)));
            actors.push(a);
            vm.deal(a, 1_000 ether);
            if (currency != address(0)) {
                MockUSD(currency).mint(a, 1_000 ether);
                vm.startPrank(a);
                MockUSD(currency).approve(address(ticket_), type(uint256).max);
                MockUSD(currency).approve(address(market_), type(uint256).max);
                vm.stopPrank();
            }
        }
    }

    function actorCount() external view returns (uint256) {
        return actors.length;
    }

    function checkedInCount() external view returns (uint256) {
        return checkedIn.length;
    }

    function _actor(uint256 seed) private view returns (address) {
        return actors[seed % actors.length];
    }

    function _token(uint256 seed) private view returns (uint256) {
        uint256 n = ticket.totalMinted();
        return n == 0 ? 1 : 1 + seed % n;
    }

    function buy(uint256 who, uint8 tierId, uint256 qty) external {
        tierId = uint8(bound(tierId, 0, ticket.tierCount() - 1));
        qty = bound(qty, 1, 3);
        address a = _actor(who);
        uint256 value = ticket.tier(tierId).faceValue * qty;
        vm.prank(a);
        try ticket.buy{value: currency == address(0) ? value : 0}(tierId, qty) {
            ghostPrimaryIn += value;
        } catch {}
    }

    function mint(uint256 who, uint8 tierId, uint256 qty) external {
        tierId = uint8(bound(tierId, 0, ticket.tierCount() - 1));
        qty = bound(qty, 1, 3);
        vm.prank(organizer);
        try ticket.mintTo(tierId, 4, _actor(who), qty) {} catch {}
    }

    /// Organizer mint through a random channel 0..8 (0 and 8 are refused; quotas may refuse).
    function mintChannel(uint256 who, uint8 tierId, uint8 channel, uint256 qty) external {
        tierId = uint8(bound(tierId, 0, ticket.tierCount() - 1));
        channel = uint8(bound(channel, 0, 8));
        qty = bound(qty, 1, 3);
        vm.prank(organizer);
        try ticket.mintTo(tierId, channel, _actor(who), qty) returns (uint256 first) {
            for (uint256 i; i < qty; ++i) {
                if (ticket.channelOf(first + i) != channel) ++ghostWrongChannel;
            }
        } catch {}
    }

    function transfer(uint256 from, uint256 to, uint256 tokenSeed) external {
        uint256 id = _token(tokenSeed);
        address a = _actor(from);
        vm.prank(a);
        try ticket.transferFrom(a, _actor(to), id) {
            _noteMove(id);
        } catch {}
    }

    function list(uint256 tokenSeed, uint96 price) external {
        uint256 id = _token(tokenSeed);
        address owner;
        try ticket.ownerOf(id) returns (address o) {
            owner = o;
        } catch {
            return;
        }
        price = uint96(bound(price, 0, 1 ether)); // sometimes above the cap: must be refused
        vm.startPrank(owner);
        try ticket.approve(address(market), id) {} catch {}
        try market.list(address(ticket), id, price) {} catch {}
        vm.stopPrank();
    }

    function resale(uint256 buyer, uint256 tokenSeed) external {
        uint256 id = _token(tokenSeed);
        (address seller, uint96 price) = market.listings(address(ticket), id);
        if (seller == address(0)) return;
        uint256 cap = ticket.maxResalePrice(id);
        vm.prank(_actor(buyer));
        try market.buy{value: currency == address(0) ? price : 0}(address(ticket), id, price) {
            ghostResaleIn += price;
            if (price > cap) ++ghostSalesAboveCap;
            _noteMove(id);
        } catch {}
    }

    function checkIn(uint256 tokenSeed) external {
        uint256 id = _token(tokenSeed);
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        vm.prank(gate);
        try ticket.checkIn(ids) {
            checkedIn.push(id);
            ownerAtCheckIn[id] = ticket.ownerOf(id);
        } catch {}
    }

    function recover(uint256 tokenSeed, uint256 to) external {
        uint256 id = _token(tokenSeed);
        vm.prank(organizer);
        try ticket.recoverTicket(id, _actor(to), bytes32(0)) {
            _noteMove(id);
        } catch {}
    }

    function cancelEvent(uint256 dice) external {
        if (dice % 20 != 0) return; // rare
        vm.prank(organizer);
        try ticket.cancelEvent() {} catch {}
    }

    function refund(uint256 who, uint256 tokenSeed) external {
        uint256 id = _token(tokenSeed);
        address a = _actor(who);
        uint256[] memory ids = new uint256[](1);
        ids[0] = id;
        vm.prank(a);
        try ticket.refund(ids) returns (uint256 amount) {
            ghostRefunded += amount;
        } catch {}
    }

    function withdrawProceeds() external {
        uint256 amount = ticket.escrowBalance();
        vm.prank(organizer);
        try ticket.withdrawProceeds(payable(organizer)) {
            ghostWithdrawn += amount;
        } catch {}
    }

    function warp(uint256 secs) external {
        vm.warp(block.timestamp + bound(secs, 1, 3 days));
    }

    function _noteMove(uint256 id) private {
        if (ticket.isCheckedIn(id) && ticket.ownerOf(id) != ownerAtCheckIn[id]) ++ghostMovedAfterCheckIn;
    }
}
