// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {Vm} from "forge-std/Vm.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {EventTicket} from "../EventTicket.sol";
import {EventConfig, TierConfig, TransferMode, Voucher} from "../interfaces/ITicketTypes.sol";

/// Tiers, transfer policy, approvals, lock window, wallet cap, check-in, recovery, views.
contract EventTicketRulesTest is TicketFixture {
    // ------------------------------------------------------------------ construction
    function test_constructor_tooManyTiers_reverts() public {
        TierConfig[] memory t = new TierConfig[](9);
        for (uint256 i; i < 9; ++i) t[i] = TierConfig(1, 1, 1, TransferMode.Free, 0, false, false);
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(_config(), t);
    }

    function test_constructor_noTiers_reverts() public {
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(_config(), new TierConfig[](0));
    }

    function test_constructor_zeroSupplyTier_reverts() public {
        TierConfig[] memory t = new TierConfig[](1);
        t[0] = TierConfig(1, 0, 1, TransferMode.Free, 0, false, false);
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(_config(), t);
    }

    function test_constructor_endBeforeStart_reverts() public {
        EventConfig memory c = _config();
        c.endTime = c.startTime;
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(c, _tiers());
    }

    function test_constructor_royaltyAbove100Percent_reverts() public {
        EventConfig memory c = _config();
        c.royaltyBps = 10_001;
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(c, _tiers());
    }

    function test_constructor_storesRules() public view {
        assertEq(ticket.tierCount(), 4);
        assertEq(ticket.startTime(), startTime);
        assertEq(ticket.endTime(), endTime);
        assertEq(ticket.maxPerWallet(), MAX_PER_WALLET);
        assertEq(ticket.market(), address(market));
        assertTrue(factory.isEvent(address(ticket)));
        TierConfig memory t = ticket.tier(MARKET_ONLY);
        assertEq(t.faceValue, 0.2 ether);
        assertEq(t.supply, 50);
        assertEq(t.zones, 3);
        assertEq(uint8(t.mode), uint8(TransferMode.MarketOnly));
        assertEq(t.resaleCapBps, 10_000);
        assertEq(ticket.name(), "Fairgate Live");
        assertEq(ticket.symbol(), "FGL");
    }

    function test_supportsInterface_declaresStandards() public view {
        assertTrue(ticket.supportsInterface(type(IERC721).interfaceId));
        assertTrue(ticket.supportsInterface(type(IERC721Metadata).interfaceId));
        assertTrue(ticket.supportsInterface(type(IERC2981).interfaceId));
        assertTrue(ticket.supportsInterface(0xb45a3c0e)); // ERC-5192
        assertTrue(ticket.supportsInterface(type(IAccessControl).interfaceId));
        assertFalse(ticket.supportsInterface(0xdeadbeef));
    }

    // ------------------------------------------------------------------ organizer mint
    function test_mintTier_unknownTier_reverts() public {
        address[] memory to = new address[](1);
        to[0] = alice;
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownTier.selector, 4));
        vm.prank(organizer);
        ticket.mintTier(4, ORGANIZER_CH, to);
    }

    function test_mintTier_manyWallets_recordsTierAndBalances() public {
        address[] memory to = new address[](4);
        (to[0], to[1], to[2], to[3]) = (alice, alice, bob, alice);
        vm.expectEmit(address(ticket));
        emit IEventTicket.TicketsMinted(MARKET_ONLY, 1, 4);
        vm.prank(organizer);
        ticket.mintTier(MARKET_ONLY, ORGANIZER_CH, to);
        assertEq(ticket.balanceOf(alice), 3);
        assertEq(ticket.balanceOf(bob), 1);
        assertEq(ticket.ownerOf(3), bob);
        assertEq(ticket.tierOf(4), MARKET_ONLY);
        assertEq(ticket.zonesOf(4), 3);
        assertEq(ticket.tierMinted(MARKET_ONLY), 4);
        assertFalse(ticket.isPaid(1));
    }

    function test_mintTo_beyondSupply_reverts() public {
        _mint(LOCKED, alice, 4);
        _mint(LOCKED, bob, 4);
        _mint(LOCKED, carol, 4);
        _mint(LOCKED, makeAddr("d"), 4);
        _mint(LOCKED, makeAddr("e"), 4);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketSoldOut.selector, LOCKED, 1, 0));
        _mint(LOCKED, makeAddr("f"), 1);
    }

    function test_mintTo_beyondWalletCap_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, alice, MAX_PER_WALLET));
        _mint(FREE, alice, MAX_PER_WALLET + 1);
    }

    function test_mintTo_zeroAddress_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, address(0)));
        _mint(FREE, address(0), 1);
    }

    function test_mintTo_notMinter_reverts() public {
        bytes32 role = ticket.MINTER_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        ticket.mintTo(FREE, ORGANIZER_CH, alice, 1);
    }

    function test_mintTo_grantedMinter_succeeds() public {
        address minter = makeAddr("minter");
        bytes32 role = ticket.MINTER_ROLE();
        vm.prank(organizer);
        ticket.grantRole(role, minter);
        vm.prank(minter);
        assertEq(ticket.mintTo(FREE, ORGANIZER_CH, alice, 2), 1);
        assertEq(ticket.balanceOf(alice), 2);
    }

    function test_mintTo_afterCancel_reverts() public {
        _cancelEvent();
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        _mint(FREE, alice, 1);
    }

    // ------------------------------------------------------------------ transfers by mode
    function test_transferFrom_freeTier_moves() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        assertEq(ticket.ownerOf(id), bob);
        assertEq(ticket.balanceOf(alice), 0);
        assertEq(ticket.balanceOf(bob), 1);
    }

    function test_transferFrom_lockedTier_reverts() public {
        uint256 id = _mint(LOCKED, alice, 1);
        assertTrue(ticket.locked(id));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketLocked.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_transferFrom_marketOnlyOutsideMarket_reverts() public {
        uint256 id = _mint(MARKET_ONLY, alice, 1);
        assertFalse(ticket.locked(id));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketMarketOnly.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_safeTransferFrom_marketOnlyOutsideMarket_reverts() public {
        uint256 id = _mint(MARKET_ONLY, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketMarketOnly.selector, id));
        vm.prank(alice);
        ticket.safeTransferFrom(alice, bob, id);
    }

    function test_transferFrom_insideLockWindow_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.warp(startTime - LOCK_WINDOW);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketTransferWindowClosed.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_transferFrom_justBeforeLockWindow_moves() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.warp(startTime - LOCK_WINDOW - 1);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        assertEq(ticket.ownerOf(id), bob);
    }

    function test_transferFrom_afterEventEnd_moves() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.warp(endTime);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        assertEq(ticket.ownerOf(id), bob);
    }

    function test_transferFrom_recipientAtWalletCap_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        _mint(FREE, bob, MAX_PER_WALLET);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, bob, MAX_PER_WALLET));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_transferFrom_checkedIn_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        vm.warp(endTime); // even after the event
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketCheckedIn.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_transferFrom_notOwnerNorApproved_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InsufficientApproval.selector, bob, id));
        vm.prank(bob);
        ticket.transferFrom(alice, bob, id);
    }

    function test_transferFrom_wrongFrom_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721IncorrectOwner.selector, bob, id, alice));
        vm.prank(alice);
        ticket.transferFrom(bob, carol, id);
    }

    function test_transferFrom_toZero_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, address(0)));
        vm.prank(alice);
        ticket.transferFrom(alice, address(0), id);
    }

    function test_transferFrom_nonexistent_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 7));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, 7);
    }

    function test_safeTransferFrom_toNonReceiver_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        address nonReceiver = address(market); // a contract without onERC721Received
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, nonReceiver));
        vm.prank(alice);
        ticket.safeTransferFrom(alice, nonReceiver, id);
    }

    // ------------------------------------------------------------------ approvals
    function test_approve_freeTier_approvedSpenderMovesAndApprovalClears() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.prank(alice);
        ticket.approve(bob, id);
        assertEq(ticket.getApproved(id), bob);
        vm.prank(bob);
        ticket.transferFrom(alice, carol, id);
        assertEq(ticket.ownerOf(id), carol);
        assertEq(ticket.getApproved(id), address(0));
    }

    function test_approve_lockedTier_reverts() public {
        uint256 id = _mint(LOCKED, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketApprovalNotAllowed.selector, id, address(market)));
        vm.prank(alice);
        ticket.approve(address(market), id);
    }

    function test_approve_marketOnlyToOther_reverts() public {
        uint256 id = _mint(MARKET_ONLY, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketApprovalNotAllowed.selector, id, bob));
        vm.prank(alice);
        ticket.approve(bob, id);
    }

    function test_approve_marketOnlyToMarket_succeeds() public {
        uint256 id = _mint(MARKET_ONLY, alice, 1);
        vm.prank(alice);
        ticket.approve(address(market), id);
        assertEq(ticket.getApproved(id), address(market));
    }

    function test_approve_zeroClearsApproval() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.startPrank(alice);
        ticket.approve(bob, id);
        ticket.approve(address(0), id);
        vm.stopPrank();
        assertEq(ticket.getApproved(id), address(0));
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InsufficientApproval.selector, bob, id));
        vm.prank(bob);
        ticket.transferFrom(alice, bob, id);
    }

    function test_approve_notOwner_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidApprover.selector, bob));
        vm.prank(bob);
        ticket.approve(bob, id);
    }

    function test_approve_nonexistent_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 1));
        ticket.approve(bob, 1);
    }

    function test_setApprovalForAll_restrictedEventNonMarket_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketOperatorNotAllowed.selector, bob));
        vm.prank(alice);
        ticket.setApprovalForAll(bob, true);
    }

    function test_setApprovalForAll_zeroOperator_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidOperator.selector, address(0)));
        vm.prank(alice);
        ticket.setApprovalForAll(address(0), true);
    }

    function test_setApprovalForAll_market_succeedsAndRevokes() public {
        vm.startPrank(alice);
        ticket.setApprovalForAll(address(market), true);
        assertTrue(ticket.isApprovedForAll(alice, address(market)));
        ticket.setApprovalForAll(bob, false); // revoking is always allowed
        ticket.setApprovalForAll(address(market), false);
        vm.stopPrank();
        assertFalse(ticket.isApprovedForAll(alice, address(market)));
    }

    function test_setApprovalForAll_allFreeEvent_operatorMoves() public {
        vm.prank(organizer);
        EventTicket open = EventTicket(factory.createEvent("Open", "OPN", startTime));
        vm.prank(organizer);
        open.mintTo(0, ORGANIZER_CH, alice, 1);
        vm.prank(alice);
        open.setApprovalForAll(bob, true);
        vm.prank(bob);
        open.transferFrom(alice, carol, 1);
        assertEq(open.ownerOf(1), carol);
    }

    // ------------------------------------------------------------------ check-in
    function test_checkIn_batch_marksAndEmits() public {
        _mint(FREE, alice, 3);
        vm.expectEmit(address(ticket));
        emit IEventTicket.CheckedIn(1, gate);
        vm.prank(gate);
        ticket.checkIn(_ids(1, 3));
        assertTrue(ticket.isCheckedIn(1));
        assertFalse(ticket.isCheckedIn(2));
        assertTrue(ticket.isCheckedIn(3));
    }

    function test_checkIn_notGate_reverts() public {
        _mint(FREE, alice, 1);
        bytes32 role = ticket.GATE_ROLE();
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, role));
        vm.prank(alice);
        ticket.checkIn(_ids(1));
    }

    function test_checkIn_twice_skipsWithoutEvent() public {
        _mint(FREE, alice, 1);
        vm.prank(gate);
        ticket.checkIn(_ids(1));
        vm.recordLogs();
        vm.prank(gate);
        ticket.checkIn(_ids(1)); // a retried batch: no revert, no second CheckedIn
        assertEq(vm.getRecordedLogs().length, 0);
        assertTrue(ticket.isCheckedIn(1));
    }

    function test_checkIn_retriedBatch_emitsOnlyForNewIds() public {
        _mint(FREE, alice, 3);
        vm.prank(gate);
        ticket.checkIn(_ids(2));
        uint256[] memory ids = new uint256[](3);
        (ids[0], ids[1], ids[2]) = (1, 2, 3);
        vm.recordLogs();
        vm.prank(gate);
        ticket.checkIn(ids);
        Vm.Log[] memory logs = vm.getRecordedLogs();
        // Per new id: CheckedIn, then ERC-5192 Locked (the ticket can no longer move); then one ERC-4906
        // BatchMetadataUpdate over the new ids (1..3).
        assertEq(logs.length, 5);
        assertEq(logs[0].topics[0], IEventTicket.CheckedIn.selector);
        assertEq(uint256(logs[0].topics[1]), 1);
        assertEq(logs[1].topics[0], IERC5192.Locked.selector);
        assertEq(logs[2].topics[0], IEventTicket.CheckedIn.selector);
        assertEq(uint256(logs[2].topics[1]), 3);
        assertEq(logs[4].topics[0], IERC4906.BatchMetadataUpdate.selector);
        assertEq(logs[4].data, abi.encode(1, 3));
        assertTrue(ticket.isCheckedIn(1) && ticket.isCheckedIn(2) && ticket.isCheckedIn(3));
    }

    function test_checkIn_duplicateIdsInOneBatch_emitOnce() public {
        _mint(FREE, alice, 1);
        uint256[] memory ids = new uint256[](3);
        (ids[0], ids[1], ids[2]) = (1, 1, 1);
        vm.recordLogs();
        vm.prank(gate);
        ticket.checkIn(ids);
        assertEq(vm.getRecordedLogs().length, 3); // one CheckedIn, one Locked, one ERC-4906 MetadataUpdate
    }

    function test_checkIn_nonexistent_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 9));
        vm.prank(gate);
        ticket.checkIn(_ids(9));
    }

    function test_checkIn_cancelled_reverts() public {
        _mint(FREE, alice, 1);
        _cancelEvent();
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        vm.prank(gate);
        ticket.checkIn(_ids(1));
    }

    function test_checkIn_empty_reverts() public {
        vm.expectRevert(IEventTicket.EventTicketEmptyBatch.selector);
        vm.prank(gate);
        ticket.checkIn(new uint256[](0));
    }

    // ------------------------------------------------------------------ lost-wallet recovery
    function test_recoverTicket_lockedTier_movesAndEmits() public {
        uint256 id = _mint(LOCKED, alice, 1);
        vm.warp(startTime); // inside the lock window too
        vm.expectEmit(address(ticket));
        emit IEventTicket.TicketRecovered(id, alice, bob);
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, bytes32(0));
        assertEq(ticket.ownerOf(id), bob);
        assertEq(ticket.balanceOf(alice), 0);
    }

    function test_recoverTicket_notAdmin_reverts() public {
        uint256 id = _mint(LOCKED, alice, 1);
        vm.expectRevert(
            abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, bob, bytes32(0))
        );
        vm.prank(bob);
        ticket.recoverTicket(id, bob, bytes32(0));
    }

    function test_recoverTicket_identityMismatch_reverts() public {
        bytes32 identity = keccak256("id-123");
        Voucher memory v = _voucher(alice, VOUCHER, 1, identity, "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.prank(alice);
        uint256 id = ticket.claim{value: 0.1 ether}(v, sig);
        bytes32 other = keccak256("someone else");
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketIdentityMismatch.selector, id));
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, other);
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, identity);
        assertEq(ticket.ownerOf(id), bob);
    }

    function test_recoverTicket_checkedIn_reverts() public {
        uint256 id = _mint(LOCKED, alice, 1);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketCheckedIn.selector, id));
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, bytes32(0));
    }

    function test_recoverTicket_toZero_reverts() public {
        uint256 id = _mint(LOCKED, alice, 1);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidReceiver.selector, address(0)));
        vm.prank(organizer);
        ticket.recoverTicket(id, address(0), bytes32(0));
    }

    // ------------------------------------------------------------------ views
    function test_royaltyInfo_paysOrganizer() public view {
        (address to, uint256 amount) = ticket.royaltyInfo(1, 1 ether);
        assertEq(to, organizer);
        assertEq(amount, 0.05 ether);
    }

    function test_maxResalePrice_isFaceTimesCap() public {
        uint256 id = _mint(FREE, alice, 1);
        assertEq(ticket.maxResalePrice(id), 0.11 ether);
    }

    function test_views_nonexistent_revert() public {
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        ticket.ownerOf(5);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        ticket.tokenURI(5);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721NonexistentToken.selector, 5));
        ticket.locked(5);
        vm.expectRevert(abi.encodeWithSelector(IERC721Errors.ERC721InvalidOwner.selector, address(0)));
        ticket.balanceOf(address(0));
    }
}
