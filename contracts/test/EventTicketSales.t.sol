// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {ReenteringReceiver, RefusingReceiver, Wallet1271} from "./utils/Actors.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {EventTicket} from "../EventTicket.sol";
import {Voucher} from "../interfaces/ITicketTypes.sol";

/// Primary sale, vouchers, escrow, cancellation, refunds, reentrancy.
contract EventTicketSalesTest is TicketFixture {
    // ------------------------------------------------------------------ buy
    function test_buy_atFace_mintsPaidTicketsIntoEscrow() public {
        vm.expectEmit(address(ticket));
        emit IEventTicket.TicketsPurchased(alice, 1, 2, 0.2 ether);
        uint256 id = _buy(alice, FREE, 2);
        assertEq(id, 1);
        assertEq(ticket.balanceOf(alice), 2);
        assertTrue(ticket.isPaid(2));
        assertEq(ticket.escrowBalance(), 0.2 ether);
        assertEq(address(ticket).balance, 0.2 ether);
        assertEq(ticket.boughtBy(alice), 2);
    }

    function test_buy_wrongPayment_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWrongPayment.selector, 0.2 ether, 0.1 ether));
        vm.prank(alice);
        ticket.buy{value: 0.1 ether}(FREE, 2);
    }

    function test_buy_voucherOnlyTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketVoucherOnlyTier.selector, VOUCHER));
        vm.prank(alice);
        ticket.buy{value: 0.1 ether}(VOUCHER, 1);
    }

    function test_buy_unknownTier_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnknownTier.selector, 7));
        vm.prank(alice);
        ticket.buy(7, 1);
    }

    function test_buy_zeroQuantity_reverts() public {
        vm.expectRevert(IEventTicket.EventTicketEmptyBatch.selector);
        vm.prank(alice);
        ticket.buy(FREE, 0);
    }

    function test_buy_overWalletCap_reverts() public {
        _buy(alice, FREE, 3);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, alice, MAX_PER_WALLET));
        vm.prank(alice);
        ticket.buy{value: 0.2 ether}(FREE, 2);
    }

    function test_buy_afterGivingAwayAtCap_reverts() public {
        uint256 first = _buy(alice, FREE, MAX_PER_WALLET);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, first);
        // balance is 3 now, but 4 were already bought: the purchase cap still binds
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, alice, MAX_PER_WALLET));
        vm.prank(alice);
        ticket.buy{value: 0.1 ether}(FREE, 1);
    }

    function test_buy_soldOut_reverts() public {
        for (uint256 i; i < 5; ++i) {
            address fan = makeAddr(string(abi.encode(i)));
            vm.deal(fan, 1 ether);
            _buy(fan, LOCKED, 4);
        }
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketSoldOut.selector, LOCKED, 1, 0));
        vm.prank(alice);
        ticket.buy{value: 0.05 ether}(LOCKED, 1);
    }

    function test_buy_afterEnd_reverts() public {
        vm.warp(endTime);
        vm.expectRevert(IEventTicket.EventTicketSaleClosed.selector);
        vm.prank(alice);
        ticket.buy{value: 0.1 ether}(FREE, 1);
    }

    function test_buy_cancelled_reverts() public {
        _cancelEvent();
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        vm.prank(alice);
        ticket.buy{value: 0.1 ether}(FREE, 1);
    }

    function test_buy_receiverReenters_reverts() public {
        ReenteringReceiver r = new ReenteringReceiver();
        vm.deal(address(r), 1 ether);
        r.arm(address(ticket), abi.encodeCall(ticket.buy, (FREE, 1)), 0.1 ether);
        r.call{value: 0.1 ether}(address(ticket), abi.encodeCall(ticket.buy, (FREE, 1)), 0.1 ether);
        assertTrue(r.attempted());
        assertFalse(r.reentrySucceeded());
        assertEq(bytes4(r.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(ticket.balanceOf(address(r)), 1);
        assertEq(ticket.escrowBalance(), 0.1 ether);
    }

    // ------------------------------------------------------------------ vouchers
    function test_claim_validVoucher_bindsIdentity() public {
        bytes32 identity = keccak256("hmac(id)");
        Voucher memory v = _voucher(alice, VOUCHER, 2, identity, "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.prank(alice);
        uint256 id = ticket.claim{value: 0.2 ether}(v, sig);
        assertEq(ticket.ownerOf(id + 1), alice);
        assertEq(ticket.identityOf(id), identity);
        assertEq(ticket.identityOf(id + 1), identity);
        assertEq(ticket.identityMinted(identity), 2);
        assertTrue(ticket.voucherUsed("n1"));
        assertEq(ticket.escrowBalance(), 0.2 ether);
    }

    function test_claim_reusedNonce_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketVoucherUsed.selector, bytes32("n1")));
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
    }

    function test_claim_expired_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.warp(v.deadline + 1);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketVoucherExpired.selector, v.deadline));
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
    }

    function test_claim_wrongSigner_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(0xBAD, v);
        vm.expectRevert(IEventTicket.EventTicketVoucherInvalidSignature.selector);
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
    }

    function test_claim_tamperedQuantity_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        v.quantity = 3;
        vm.expectRevert(IEventTicket.EventTicketVoucherInvalidSignature.selector);
        vm.prank(alice);
        ticket.claim{value: 0.3 ether}(v, sig);
    }

    function test_claim_signerDisabled_reverts() public {
        vm.prank(organizer);
        ticket.setVoucherSigner(address(0));
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.expectRevert(IEventTicket.EventTicketVoucherInvalidSignature.selector);
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
    }

    function test_claim_identityCapAcrossWallets_reverts() public {
        bytes32 identity = keccak256("hmac(id)");
        Voucher memory v1 = _voucher(alice, VOUCHER, 2, identity, "n1");
        bytes memory s1 = _sign(signerKey, v1);
        vm.prank(alice);
        ticket.claim{value: 0.2 ether}(v1, s1);
        Voucher memory v2 = _voucher(bob, VOUCHER, 1, identity, "n2");
        bytes memory s2 = _sign(signerKey, v2);
        vm.expectRevert(
            abi.encodeWithSelector(IEventTicket.EventTicketIdentityCapExceeded.selector, identity, MAX_PER_IDENTITY)
        );
        vm.prank(bob);
        ticket.claim{value: 0.1 ether}(v2, s2);
    }

    function test_claim_wrongPayment_reverts() public {
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWrongPayment.selector, 0.1 ether, 0));
        vm.prank(alice);
        ticket.claim(v, sig);
    }

    function test_claim_erc1271Signer_succeeds() public {
        Wallet1271 wallet = new Wallet1271(signer);
        vm.prank(organizer);
        ticket.setVoucherSigner(address(wallet));
        Voucher memory v = _voucher(alice, VOUCHER, 1, bytes32(0), "n1");
        bytes memory sig = _sign(signerKey, v);
        vm.prank(alice);
        ticket.claim{value: 0.1 ether}(v, sig);
        assertEq(ticket.balanceOf(alice), 1);
    }

    function test_setVoucherSigner_notAdmin_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, bytes32(0)));
        vm.prank(alice);
        ticket.setVoucherSigner(alice);
    }

    // ------------------------------------------------------------------ cancellation and refunds
    function test_cancelEvent_notAdmin_reverts() public {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, bytes32(0)));
        vm.prank(alice);
        ticket.cancelEvent();
    }

    function test_cancelEvent_twice_reverts() public {
        _cancelEvent();
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        _cancelEvent();
    }

    function test_cancelEvent_afterEnd_reverts() public {
        vm.warp(endTime);
        vm.expectRevert(IEventTicket.EventTicketEventOver.selector);
        _cancelEvent();
    }

    function test_refund_afterCancel_paysFaceOnceToHolder() public {
        uint256 id = _buy(alice, MARKET_ONLY, 2);
        _cancelEvent();
        uint256 before = alice.balance;
        vm.prank(alice);
        uint256 amount = ticket.refund(_ids(id, id + 1));
        assertEq(amount, 0.4 ether);
        assertEq(alice.balance - before, 0.4 ether);
        assertEq(ticket.escrowBalance(), 0);
        assertTrue(ticket.isRefunded(id));
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotRefundable.selector, id));
        vm.prank(alice);
        ticket.refund(_ids(id));
    }

    function test_refund_newHolderAfterTransfer_getsFace() public {
        uint256 id = _buy(alice, FREE, 1);
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
        _cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotTicketOwner.selector, id, alice));
        vm.prank(alice);
        ticket.refund(_ids(id));
        vm.prank(bob);
        assertEq(ticket.refund(_ids(id)), 0.1 ether);
    }

    function test_refund_notCancelled_reverts() public {
        uint256 id = _buy(alice, FREE, 1);
        vm.expectRevert(IEventTicket.EventTicketNotCancelled.selector);
        vm.prank(alice);
        ticket.refund(_ids(id));
    }

    function test_refund_complimentaryTicket_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        _cancelEvent();
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketNotRefundable.selector, id));
        vm.prank(alice);
        ticket.refund(_ids(id));
    }

    function test_refund_receiverReenters_blockedAndPaidOnce() public {
        ReentrantRefunder rr = new ReentrantRefunder(ticket);
        vm.deal(address(rr), 1 ether);
        rr.buyOne();
        _cancelEvent();
        rr.refundOne();
        assertEq(bytes4(rr.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(address(rr).balance, 1 ether);
        assertEq(address(ticket).balance, 0);
        assertEq(ticket.escrowBalance(), 0);
    }

    function test_withdrawProceeds_afterEnd_paysOrganizer() public {
        _buy(alice, FREE, 2);
        vm.warp(endTime);
        vm.expectEmit(address(ticket));
        emit IEventTicket.ProceedsWithdrawn(organizer, 0.2 ether);
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(organizer));
        assertEq(organizer.balance, 0.2 ether);
        assertEq(address(ticket).balance, 0);
    }

    function test_withdrawProceeds_beforeEnd_reverts() public {
        _buy(alice, FREE, 2);
        vm.warp(endTime - 1);
        vm.expectRevert(IEventTicket.EventTicketEventNotOver.selector);
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(organizer));
    }

    function test_withdrawProceeds_cancelled_reverts() public {
        _buy(alice, FREE, 2);
        _cancelEvent();
        vm.warp(endTime);
        vm.expectRevert(IEventTicket.EventTicketCancelled.selector);
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(organizer));
    }

    function test_withdrawProceeds_empty_reverts() public {
        vm.warp(endTime);
        vm.expectRevert(IEventTicket.EventTicketNothingToWithdraw.selector);
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(organizer));
    }

    function test_withdrawProceeds_notAdmin_reverts() public {
        vm.warp(endTime);
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, alice, bytes32(0)));
        vm.prank(alice);
        ticket.withdrawProceeds(payable(alice));
    }

    function test_withdrawProceeds_refusingReceiver_reverts() public {
        _buy(alice, FREE, 1);
        RefusingReceiver r = new RefusingReceiver();
        vm.warp(endTime);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketPaymentFailed.selector, address(r), 0.1 ether));
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(address(r)));
        assertEq(ticket.escrowBalance(), 0.1 ether);
    }
}

/// Buys one ticket, then on refund re-enters refund() from receive() and records the error.
contract ReentrantRefunder {
    EventTicket immutable t;
    uint256 id;
    bytes public reentryError;

    constructor(EventTicket t_) {
        t = t_;
    }

    function buyOne() external {
        id = t.buy{value: 0.1 ether}(0, 1);
    }

    function refundOne() external {
        t.refund(_one(id));
    }

    function _one(uint256 x) private pure returns (uint256[] memory a) {
        a = new uint256[](1);
        a[0] = x;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }

    receive() external payable {
        if (reentryError.length != 0) return;
        try t.refund(_one(id)) {
            reentryError = "no error";
        } catch (bytes memory err) {
            reentryError = err;
        }
    }
}
