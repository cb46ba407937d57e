// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TicketFixture} from "./TicketFixture.sol";
import {EventTicket} from "../../EventTicket.sol";
import {Waitlist} from "../../Waitlist.sol";
import {TierConfig, TransferMode} from "../../interfaces/ITicketTypes.sol";

/// The chain's Waitlist and a small event whose tiers 0–2 are sold out (`ticket` points at it):
///   tier 0 FREE        0.1 ether, supply 2 (alice holds ids 1, 2)
///   tier 1 MARKET_ONLY 0.2 ether, supply 2 (bob holds ids 3, 4)
///   tier 2 LOCKED      0.05 ether, supply 1 (carol holds id 5)
///   tier 3 FREE        0.1 ether, supply 100 (not sold out)
/// Same event rules as TicketFixture (wallet cap 4, lock window 1 day).
abstract contract WaitlistFixture is TicketFixture {
    uint8 internal constant OPEN = 3;

    Waitlist internal waitlist;
    address internal dave = makeAddr("dave");
    address internal erin = makeAddr("erin");
    address internal frank = makeAddr("frank");

    function setUp() public virtual override {
        super.setUp();
        waitlist = Waitlist(market.waitlist());
        TierConfig[] memory t = new TierConfig[](4);
        t[0] = TierConfig(0.1 ether, 2, 1, TransferMode.Free, 10_000, false, false);
        t[1] = TierConfig(0.2 ether, 2, 3, TransferMode.MarketOnly, 10_000, false, false);
        t[2] = TierConfig(0.05 ether, 1, 1, TransferMode.Locked, 0, false, false);
        t[3] = TierConfig(0.1 ether, 100, 1, TransferMode.Free, 10_000, false, false);
        vm.prank(organizer);
        ticket = EventTicket(factory.createEventWithTiers(_config(), t));
        bytes32 gateRole = ticket.GATE_ROLE();
        vm.prank(organizer);
        ticket.grantRole(gateRole, gate);
        _buy(alice, FREE, 2);
        _buy(bob, MARKET_ONLY, 2);
        _buy(carol, LOCKED, 1);
        vm.deal(dave, 100 ether);
        vm.deal(erin, 100 ether);
        vm.deal(frank, 100 ether);
    }

    function _join(address who, uint8 tierId) internal returns (uint256 position) {
        uint256 face = _face(tierId);
        vm.prank(who);
        return waitlist.join{value: face}(address(ticket), tierId);
    }

    /// `holder` approves the market for `tokenId` and returns it to the waitlist.
    function _return(address holder, uint256 tokenId) internal returns (address to) {
        vm.startPrank(holder);
        ticket.approve(address(market), tokenId);
        to = waitlist.returnTicket(address(ticket), tokenId);
        vm.stopPrank();
    }

    /// Wallets from head to tail, read through the list links.
    function _queue(uint8 tierId) internal view returns (address[] memory) {
        return waitlist.queued(address(ticket), tierId, 100);
    }
}
