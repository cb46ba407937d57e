// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {SaleBlock} from "../interfaces/ITicketTypes.sol";

import {TicketFixture} from "./utils/TicketFixture.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";

/// Real-name deadline: binding a ticket to an identity commitment, and what binding freezes.
/// Decision: binding closes at the deadline (a late binding would make the deadline meaningless; the
/// gate then refuses the unbound ticket with IDENTITY_UNBOUND and the organizer can still help at the
/// door with `recoverTicket` into a fresh, bindable ticket flow off chain).
contract EventTicketIdentityBindingTest is TicketFixture {
    uint32 internal constant BIND_BEFORE = 2 days;
    bytes32 internal constant ALICE_ID = keccak256("hmac(alice id)");

    function setUp() public override {
        super.setUp();
        _configure(0, uint256(BIND_BEFORE) << (32 * uint256(FREE))); // tier 0 requires binding
    }

    function _bind(uint256 id, address holder, bytes32 commitment) internal {
        bytes memory sig = _signBinding(signerKey, id, holder, commitment);
        vm.prank(holder);
        ticket.bindIdentity(id, commitment, sig);
    }

    function test_configureRules_emitsDeadline() public {
        vm.prank(organizer);
        EventTicketLike fresh = EventTicketLike(factory.createEventWithTiers(_config(), _tiers()));
        bytes16[8] memory names;
        vm.expectEmit(address(fresh));
        emit IEventTicket.IdentityDeadlineSet(LOCKED, 3600);
        vm.prank(organizer);
        fresh.configureRules(0, uint256(3600) << 64, names);
        assertEq(fresh.identityDeadlines(), uint256(3600) << 64);
    }

    function test_bind_holderSignedByService_bindsAndLocks() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.expectEmit(address(ticket));
        emit IEventTicket.IdentityBound(id, alice, ALICE_ID);
        vm.prank(alice);
        ticket.bindIdentity(id, ALICE_ID, sig);
        assertEq(ticket.identityOf(id), ALICE_ID);
        assertTrue(ticket.isBound(id));
        assertTrue(ticket.locked(id));
    }

    function test_bind_notHolder_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotTicketOwner.selector, id, carol));
        vm.prank(carol);
        ticket.bindIdentity(id, ALICE_ID, sig);
    }

    function test_bind_wrongSigner_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(0xBAD, id, alice, ALICE_ID);
        vm.expectRevert(IEventTicket.EventTicketBindingInvalidSignature.selector);
        vm.prank(alice);
        ticket.bindIdentity(id, ALICE_ID, sig);
    }

    function test_bind_otherCommitmentThanSigned_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.expectRevert(IEventTicket.EventTicketBindingInvalidSignature.selector);
        vm.prank(alice);
        ticket.bindIdentity(id, keccak256("someone else"), sig);
    }

    function test_bind_zeroCommitment_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, bytes32(0));
        vm.expectRevert(IEventTicket.EventTicketBindingInvalidSignature.selector);
        vm.prank(alice);
        ticket.bindIdentity(id, bytes32(0), sig);
    }

    function test_bind_afterTransfer_oldHolderSignature_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        vm.expectRevert(IEventTicket.EventTicketBindingInvalidSignature.selector);
        vm.prank(bob); // the new holder cannot reuse a binding made out to the old one
        ticket.bindIdentity(id, ALICE_ID, sig);
    }

    function test_bind_signatureForOtherToken_reverts() public {
        uint256 id = _buy(alice, FREE, 2);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.expectRevert(IEventTicket.EventTicketBindingInvalidSignature.selector);
        vm.prank(alice);
        ticket.bindIdentity(id + 1, ALICE_ID, sig);
    }

    function test_bind_replay_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.prank(alice);
        ticket.bindIdentity(id, ALICE_ID, sig);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketIdentityBound.selector, id));
        vm.prank(alice);
        ticket.bindIdentity(id, ALICE_ID, sig);
    }

    function test_bind_atDeadline_succeeds_afterDeadline_reverts() public {
        uint256 a = _buy(alice, FREE, 1);
        uint256 b = _buy(bob, FREE, 1);
        uint64 deadline = startTime - BIND_BEFORE;
        vm.warp(deadline);
        _bind(a, alice, ALICE_ID);
        vm.warp(deadline + 1);
        bytes memory sig = _signBinding(signerKey, b, bob, keccak256("bob"));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketBindingClosed.selector, deadline));
        vm.prank(bob);
        ticket.bindIdentity(b, keccak256("bob"), sig);
    }

    function test_bind_tierWithoutDeadline_reverts() public {
        uint256 id = _buy(alice, MARKET_ONLY, 1);
        bytes memory sig = _signBinding(signerKey, id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketBindingNotRequired.selector, MARKET_ONLY));
        vm.prank(alice);
        ticket.bindIdentity(id, ALICE_ID, sig);
    }

    function test_bind_afterTierMinted_deadlineCannotChange() public {
        _buy(alice, FREE, 1);
        bytes16[8] memory names;
        vm.expectRevert(IEventTicket.EventTicketSetupClosed.selector);
        vm.prank(organizer);
        ticket.configureRules(0, 0, names);
    }

    function test_transfer_bound_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        _bind(id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketIdentityBound.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    function test_approve_bound_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        _bind(id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketApprovalNotAllowed.selector, id, address(market)));
        vm.prank(alice);
        ticket.approve(address(market), id);
    }

    function test_list_bound_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        vm.startPrank(alice);
        ticket.approve(address(market), id); // approved before binding
        vm.stopPrank();
        _bind(id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Soulbound));
        vm.prank(alice);
        market.list(address(ticket), id, 0.1 ether);
    }

    function test_marketBuy_listedThenBound_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        _list(alice, id, 0.1 ether);
        _bind(id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketTicketNotForSale.selector, id, SaleBlock.Soulbound));
        vm.prank(bob);
        market.buy{value: 0.1 ether}(address(ticket), id, 0.1 ether);
    }

    function test_recover_bound_matchingCommitment_movesAndStaysBound() public {
        uint256 id = _buy(alice, FREE, 1);
        _bind(id, alice, ALICE_ID);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketIdentityMismatch.selector, id));
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, keccak256("wrong"));
        vm.prank(organizer);
        ticket.recoverTicket(id, bob, ALICE_ID);
        assertEq(ticket.ownerOf(id), bob);
        assertTrue(ticket.locked(id));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketIdentityBound.selector, id));
        vm.prank(bob);
        ticket.transferFrom(bob, carol, id);
    }
}

interface EventTicketLike {
    function configureRules(uint256 channelRules, uint256 identityDeadlines, bytes16[8] calldata names) external;
    function identityDeadlines() external view returns (uint256);
}
