// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {EventTicket} from "../EventTicket.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {Voucher} from "../interfaces/ITicketTypes.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";

/// Voucher signatures are bound to one event on one chain, and cannot be reshaped.
contract VoucherReplayTest is TicketFixture {
    /// secp256k1 group order: s and n - s both verify under plain ecrecover.
    uint256 internal constant N = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141;

    function test_claim_voucherForAnotherEvent_reverts() public {
        // Same organizer, same signer, same rules: only the EIP-712 domain (verifying contract) differs.
        vm.prank(organizer);
        EventTicket other = EventTicket(factory.createEventWithTiers(_config(), _tiers()));
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);

        vm.expectRevert(IEventTicket.EventTicketVoucherInvalidSignature.selector);
        vm.prank(alice);
        other.claim{value: 0.1 ether}(v, sig);

        // The voucher still works where it was issued.
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
        assertEq(ticket.balanceOf(alice), 1);
    }

    function test_claim_voucherOnAnotherChain_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.chainId(block.chainid + 1);
        vm.expectRevert(IEventTicket.EventTicketVoucherInvalidSignature.selector);
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
    }

    function test_claim_highSMalleatedSignature_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        (uint8 vv, bytes32 r, bytes32 s) = vm.sign(signerKey, ticket.hashVoucher(v));
        // The twin signature (r, n - s, flipped v) recovers the same signer with raw ecrecover…
        bytes32 s2 = bytes32(N - uint256(s));
        uint8 v2 = vv == 27 ? 28 : 27;
        assertEq(ecrecover(ticket.hashVoucher(v), v2, r, s2), signer);
        // …but the contract refuses it, so a voucher cannot be replayed under a second encoding.
        vm.expectRevert(IEventTicket.EventTicketVoucherInvalidSignature.selector);
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, abi.encodePacked(r, s2, v2));
    }

    function test_claim_afterNonceUsedWithOtherFields_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, _sign(signerKey, v));
        // A second, validly signed voucher reusing the nonce for someone else is still refused.
        Voucher memory w = _voucher(bob, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, w);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketVoucherUsed.selector, bytes32("n1")));
        vm.prank(bob);
        ticket.claim{value: 0.1 ether}(w, sig);
    }

    // Keeps the ECDSA import meaningful: OpenZeppelin's check is what rejects the twin above.
    function test_ecdsa_rejectsHighS() public view {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        (uint8 vv, bytes32 r, bytes32 s) = vm.sign(signerKey, ticket.hashVoucher(v));
        (, ECDSA.RecoverError err,) = ECDSA.tryRecover(ticket.hashVoucher(v), vv == 27 ? 28 : 27, r, bytes32(N - uint256(s)));
        assertTrue(err == ECDSA.RecoverError.InvalidSignatureS);
    }
}
