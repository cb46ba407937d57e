// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";
import {SaleBlock, TransferMode} from "../interfaces/ITicketTypes.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// Allocation channels: which channel each ticket came through, quotas, channel transfer rules.
contract EventTicketChannelsTest is TicketFixture {
    /// 85 public, sponsor 10 MarketOnly, staff 5 Locked, organizer 20 (tier rules).
    function _standard() internal pure returns (uint256) {
        return _rule(PUBLIC, 85, TransferMode.Free) | _rule(SPONSOR, 10, TransferMode.MarketOnly)
            | _rule(STAFF, 5, TransferMode.Locked) | _rule(ORGANIZER_CH, 20, TransferMode.Free);
    }

    function _minted(uint8 channel) internal view returns (uint256 minted, uint256 quota) {
        (uint256 channels, uint256 rules) = ticket.channelWords();
        if (channel == 0) {
            return (ticket.totalMinted() - P.nonPublicMinted(channels), channels & P.QUOTA_MASK);
        }
        minted = (channels >> (32 * uint256(channel))) & P.MINTED_MASK;
        quota = (rules >> (32 * uint256(channel))) & P.QUOTA_MASK;
    }

    // ------------------------------------------------------------------ configuration
    function test_configureRules_emitsPerDefinedChannel() public {
        bytes16[8] memory names;
        names[5] = "press";
        vm.expectEmit(address(ticket));
        emit IEventTicket.ChannelConfigured(PUBLIC, 85, TransferMode.Free, bytes16(0));
        vm.expectEmit(address(ticket));
        emit IEventTicket.ChannelConfigured(SPONSOR, 10, TransferMode.MarketOnly, bytes16(0));
        vm.expectEmit(address(ticket));
        emit IEventTicket.ChannelConfigured(STAFF, 5, TransferMode.Locked, bytes16(0));
        vm.expectEmit(address(ticket));
        emit IEventTicket.ChannelConfigured(ORGANIZER_CH, 20, TransferMode.Free, bytes16(0));
        vm.expectEmit(address(ticket));
        emit IEventTicket.ChannelConfigured(5, 3, TransferMode.Free, "press");
        vm.prank(organizer);
        ticket.configureRules(_standard() | _rule(5, 3, TransferMode.Free), 0, names);
        (uint256 minted, uint256 quota) = _minted(SPONSOR);
        assertEq(minted, 0);
        assertEq(quota, 10);
    }

    function test_configureRules_afterFirstMint_reverts() public {
        _mint(FREE, alice, 1);
        bytes16[8] memory names;
        vm.expectRevert(IEventTicket.EventTicketSetupClosed.selector);
        vm.prank(organizer);
        ticket.configureRules(_standard(), 0, names);
    }

    function test_configureRules_notAdmin_reverts() public {
        bytes16[8] memory names;
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, bytes32(0))
        );
        vm.prank(alice);
        ticket.configureRules(_standard(), 0, names);
    }

    function test_configureRules_publicModeOverride_reverts() public {
        bytes16[8] memory names;
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        vm.prank(organizer);
        ticket.configureRules(_rule(PUBLIC, 85, TransferMode.Locked), 0, names);
    }

    function test_configureRules_unknownMode_reverts() public {
        bytes16[8] memory names;
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        vm.prank(organizer);
        ticket.configureRules(_rule(SPONSOR, 1, TransferMode.Free) | (3 << (32 + 24)), 0, names);
    }

    // ------------------------------------------------------------------ issuance
    function test_mintTo_channel_recordsChannelAndEmits() public {
        _configure(_standard(), 0);
        vm.expectEmit(address(ticket));
        emit IEventTicket.ChannelMinted(SPONSOR, 1, 3);
        uint256 first = _mintVia(FREE, SPONSOR, alice, 3);
        assertEq(ticket.channelOf(first), SPONSOR);
        assertEq(ticket.channelOf(first + 2), SPONSOR);
        uint256 bought = _buy(bob, FREE, 1);
        assertEq(ticket.channelOf(bought), PUBLIC);
        (uint256 minted,) = _minted(SPONSOR);
        assertEq(minted, 3);
        (uint256 pub,) = _minted(PUBLIC);
        assertEq(pub, 1);
    }

    function test_mintTier_channel_recordsChannel() public {
        _configure(_standard(), 0);
        address[] memory to = new address[](2);
        (to[0], to[1]) = (alice, bob);
        vm.prank(organizer);
        uint256 first = ticket.mintTier(FREE, STAFF, to);
        assertEq(ticket.channelOf(first), STAFF);
        assertEq(ticket.channelOf(first + 1), STAFF);
    }

    function test_legacyMint_goesThroughOrganizerChannel() public {
        uint256 first = _mint(FREE, alice, 1);
        assertEq(ticket.channelOf(first), ORGANIZER_CH);
    }

    function test_unconfigured_everyNonPublicChannelOpen() public {
        uint256 id = _mintVia(FREE, 7, alice, 2);
        assertEq(ticket.channelOf(id), 7);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id); // no channel rule: tier mode (Free)
    }

    function test_mint_undefinedChannel_reverts() public {
        _configure(_standard(), 0);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownChannel.selector, uint8(ARTIST)));
        vm.prank(organizer);
        ticket.mintTo(FREE, ARTIST, alice, 1);
    }

    function test_mint_publicChannel_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownChannel.selector, uint8(PUBLIC)));
        vm.prank(organizer);
        ticket.mintTo(FREE, PUBLIC, alice, 1);
    }

    function test_mint_channelOutOfRange_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownChannel.selector, uint8(8)));
        vm.prank(organizer);
        ticket.mintTo(FREE, 8, alice, 1);
    }

    function test_mint_quotaExceeded_reverts() public {
        _configure(_standard(), 0);
        _mintVia(FREE, STAFF, alice, 4);
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicket.EventTicketChannelQuotaExceeded.selector, STAFF, uint256(2), uint256(1))
        );
        vm.prank(organizer);
        ticket.mintTo(FREE, STAFF, bob, 2);
        _mintVia(FREE, STAFF, bob, 1); // exactly the quota
    }

    function test_buy_publicQuotaExceeded_reverts() public {
        _configure(_rule(PUBLIC, 2, TransferMode.Free), 0);
        _buy(alice, FREE, 2);
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicket.EventTicketChannelQuotaExceeded.selector, PUBLIC, uint256(1), uint256(0))
        );
        vm.prank(bob);
        ticket.buy{value: 0.1 ether}(FREE, 1);
    }

    function test_claim_countsAgainstPublicQuota() public {
        _configure(_rule(PUBLIC, 1, TransferMode.Free), 0);
        _buy(alice, FREE, 1);
        bytes memory sig = _sign(signerKey, _voucher(bob, VOUCHER, 1, bytes32(0), "q"));
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicket.EventTicketChannelQuotaExceeded.selector, PUBLIC, uint256(1), uint256(0))
        );
        vm.prank(bob);
        ticket.claim{value: 0.1 ether}(_voucher(bob, VOUCHER, 1, bytes32(0), "q"), sig);
    }

    // ------------------------------------------------------------------ channel transfer rules
    function test_transfer_lockedChannel_reverts() public {
        _configure(_standard(), 0);
        uint256 id = _mintVia(FREE, STAFF, alice, 1);
        assertTrue(ticket.locked(id));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketLocked.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_approve_lockedChannel_reverts() public {
        _configure(_standard(), 0);
        uint256 id = _mintVia(FREE, STAFF, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketApprovalNotAllowed.selector, id, address(market)));
        vm.prank(alice);
        ticket.approve(address(market), id);
    }

    function test_list_lockedChannel_reverts() public {
        _configure(_standard(), 0);
        uint256 id = _mintVia(FREE, STAFF, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Soulbound));
        vm.prank(alice);
        market.list(address(ticket), id, 0.1 ether);
    }

    function test_marketOnlyChannel_directTransferRefused_marketSaleWorks() public {
        _configure(_standard(), 0);
        uint256 id = _mintVia(FREE, SPONSOR, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketMarketOnly.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        // A complimentary ticket carries no refund right: through the market, it changes hands for nothing.
        _list(alice, id, 0);
        vm.prank(bob);
        market.buy(address(ticket), id, 0);
        assertEq(ticket.ownerOf(id), bob);
        assertEq(ticket.channelOf(id), SPONSOR); // the channel stays with the ticket
    }

    function test_channelRule_neverLoosensTier() public {
        // A Free channel rule on a Locked tier: still Locked.
        _configure(_standard(), 0);
        uint256 id = _mintVia(LOCKED, ORGANIZER_CH, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketLocked.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_recover_lockedChannelTicket_moves() public {
        _configure(_standard(), 0);
        uint256 id = _mintVia(FREE, STAFF, alice, 1);
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, bytes32(0));
        assertEq(ticket.ownerOf(id), bob);
    }

    function test_factory_staysUnderCodeSizeLimit() public view {
        assertLe(address(factory).code.length, 24_576);
    }

    // ------------------------------------------------------------------ fuzz
    /// Two mint runs into a channel of quota `quota` succeed exactly while the sum stays within it.
    function testFuzz_mint_channelQuota(uint24 quota, uint8 a, uint8 b) public {
        quota = uint24(bound(quota, 0, 60));
        uint256 n1 = bound(a, 1, 40);
        uint256 n2 = bound(b, 1, 40);
        _configure(_rule(ARTIST, quota, TransferMode.Free), 0);
        address[] memory to = new address[](n1);
        for (uint256 i; i < n1; ++i) to[i] = address(uint160(0x1000 + i));
        vm.prank(organizer);
        (bool ok1,) = address(ticket).call(abi.encodeWithSignature("mintTier(uint8,uint8,address[])", FREE, ARTIST, to));
        assertEq(ok1, n1 <= quota);
        to = new address[](n2);
        for (uint256 i; i < n2; ++i) to[i] = address(uint160(0x2000 + i));
        vm.prank(organizer);
        (bool ok2,) = address(ticket).call(abi.encodeWithSignature("mintTier(uint8,uint8,address[])", FREE, ARTIST, to));
        uint256 expected = (ok1 ? n1 : 0) + (ok2 ? n2 : 0);
        assertEq(ok2, (ok1 ? n1 : 0) + n2 <= quota);
        (uint256 minted,) = _minted(ARTIST);
        assertEq(minted, expected);
        assertEq(ticket.totalMinted(), expected);
        if (expected != 0) assertEq(ticket.channelOf(expected), ARTIST);
    }
}
