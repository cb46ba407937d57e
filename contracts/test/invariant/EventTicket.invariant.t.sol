// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TicketFixture} from "../utils/TicketFixture.sol";
import {TicketHandler} from "./TicketHandler.sol";
import {TicketFixture as TF} from "../utils/TicketFixture.sol";
import {EventTicket} from "../../EventTicket.sol";
import {EventConfig} from "../../interfaces/ITicketTypes.sol";
import {MockUSD} from "../mocks/MockUSD.sol";
import {TransferMode} from "../../interfaces/ITicketTypes.sol";
import {TicketPacking as P} from "../../libraries/TicketPacking.sol";

/// Invariants of the whole rule set under random action sequences (see TicketHandler).
contract EventTicketInvariantTest is TicketFixture {
    TicketHandler handler;

    function setUp() public virtual override {
        super.setUp();
        // Channels: public 120, sponsor 12 MarketOnly, staff 6 Locked, organizer 15; 3..7 closed.
        _configure(
            _rule(PUBLIC, 120, TransferMode.Free) | _rule(SPONSOR, 12, TransferMode.MarketOnly)
                | _rule(STAFF, 6, TransferMode.Locked) | _rule(ORGANIZER_CH, 15, TransferMode.Free),
            0
        );
        handler = new TicketHandler(ticket, market, organizer, gate);
        targetContract(address(handler));
    }

    /// minted ≤ supply, per tier; the per-tier counts sum to totalMinted.
    function invariant_mintedWithinSupply() public view {
        uint256 sum;
        for (uint8 i; i < ticket.tierCount(); ++i) {
            uint256 minted = ticket.tierMinted(i);
            assertLe(minted, ticket.tier(i).supply);
            sum += minted;
        }
        assertEq(sum, ticket.totalMinted());
    }

    /// No listing ever sells above face × cap.
    function invariant_noSaleAboveCap() public view {
        assertEq(handler.ghostSalesAboveCap(), 0);
    }

    /// Funds in = funds out + escrow, in the event's currency: the ticket holds exactly its escrow,
    /// the market exactly what it owes in that currency.
    function invariant_fundsConserved() public view {
        address c = ticket.currency();
        assertEq(_balanceOf(c, address(ticket)), ticket.escrowBalance());
        assertEq(
            handler.ghostPrimaryIn(), handler.ghostRefunded() + handler.ghostWithdrawn() + ticket.escrowBalance()
        );
        assertEq(_balanceOf(c, address(market)), market.totalOwed(c));
    }

    function _balanceOf(address c, address who) internal view returns (uint256) {
        return c == address(0) ? who.balance : MockUSD(c).balanceOf(who);
    }

    /// A checked-in ticket never moves.
    function invariant_checkedInNeverMoves() public view {
        assertEq(handler.ghostMovedAfterCheckIn(), 0);
        uint256 n = handler.checkedInCount();
        for (uint256 i; i < n; ++i) {
            uint256 id = handler.checkedIn(i);
            assertEq(ticket.ownerOf(id), handler.ownerAtCheckIn(id));
        }
    }

    /// No wallet ever holds, or has bought, more than the per-wallet cap.
    function invariant_walletCap() public view {
        uint256 n = handler.actorCount();
        for (uint256 i; i < n; ++i) {
            address a = handler.actors(i);
            assertLe(ticket.balanceOf(a), MAX_PER_WALLET);
            assertLe(ticket.boughtBy(a), MAX_PER_WALLET);
        }
    }

    /// Per-channel minted counts sum to totalMinted, each stays within its quota, and every minted
    /// ticket carries the channel it was minted through.
    function invariant_channelsWithinQuota() public view {
        (uint256 channels, uint256 rules) = ticket.channelWords();
        uint256 sum;
        for (uint256 c = 1; c < 8; ++c) {
            uint256 minted = (channels >> (32 * c)) & P.MINTED_MASK;
            assertLe(minted, (rules >> (32 * c)) & P.QUOTA_MASK);
            sum += minted;
        }
        uint256 publicMinted;
        uint256 total = ticket.totalMinted();
        for (uint256 id = 1; id <= total; ++id) {
            if (ticket.channelOf(id) == 0) ++publicMinted;
        }
        assertLe(publicMinted, channels & P.QUOTA_MASK);
        assertEq(sum + publicMinted, total);
        assertEq(handler.ghostWrongChannel(), 0);
    }
}

/// The same invariants for an event priced in a 6-decimal stablecoin (same rules and tier numbers).
contract EventTicketStablecoinInvariantTest is EventTicketInvariantTest {
    function setUp() public override {
        TF.setUp();
        MockUSD usd = new MockUSD();
        EventConfig memory cfg = _config();
        cfg.currency = address(usd);
        vm.prank(organizer);
        ticket = EventTicket(factory.createEventWithTiers(cfg, _tiers()));
        bytes32 gateRole = ticket.GATE_ROLE();
        vm.prank(organizer);
        ticket.grantRole(gateRole, gate);
        _configure(
            _rule(PUBLIC, 120, TransferMode.Free) | _rule(SPONSOR, 12, TransferMode.MarketOnly)
                | _rule(STAFF, 6, TransferMode.Locked) | _rule(ORGANIZER_CH, 15, TransferMode.Free),
            0
        );
        handler = new TicketHandler(ticket, market, organizer, gate);
        targetContract(address(handler));
    }

    /// The handler really trades in the token (the invariants are not vacuous).
    function test_handler_buysAndResellsInToken() public {
        assertTrue(ticket.currency() != address(0));
        handler.buy(0, 0, 1);
        assertEq(handler.ghostPrimaryIn(), ticket.tier(0).faceValue);
        assertEq(MockUSD(ticket.currency()).balanceOf(address(ticket)), ticket.escrowBalance());
        handler.list(0, 0.1 ether);
        handler.resale(1, 0);
        assertEq(handler.ghostResaleIn(), 0.1 ether);
    }
}
