// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {EventTicket} from "../EventTicket.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {EventConfig} from "../interfaces/ITicketTypes.sol";
import {NoBoolToken} from "./mocks/NoBoolToken.sol";
import {FeeOnTransferToken} from "./mocks/FeeOnTransferToken.sol";
import {StablecoinFixture} from "./utils/StablecoinFixture.sol";

/// Primary sales, refunds and escrow of an event priced in a 6-decimal ERC-20 stablecoin.
contract StablecoinTicketTest is StablecoinFixture {
    function test_currency_isFixedAtCreation() public view {
        assertEq(usdEvent.currency(), address(usd));
        assertEq(ticket.currency(), address(0));
    }

    function test_constructor_currencyWithoutCode_reverts() public {
        EventConfig memory cfg = _config();
        cfg.currency = makeAddr("notAToken");
        vm.expectRevert(IEventTicket.EventTicketBadConfig.selector);
        factory.createEventWithTiers(cfg, _usdTiers());
    }

    function test_buy_token_pullsExactPriceIntoEscrow() public {
        uint256 first = _buyIn(usdEvent, alice, FREE, 2);
        assertEq(usdEvent.ownerOf(first + 1), alice);
        assertEq(usd.balanceOf(address(usdEvent)), 50 * USD);
        assertEq(usdEvent.escrowBalance(), 50 * USD);
        assertEq(usd.balanceOf(alice), 950 * USD);
        assertEq(usd.allowance(alice, address(usdEvent)), 0);
    }

    function test_buy_token_withNativeValue_reverts() public {
        vm.deal(alice, 1 ether);
        vm.startPrank(alice);
        usd.approve(address(usdEvent), 25 * USD);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnexpectedValue.selector, 1));
        usdEvent.buy{value: 1}(FREE, 1);
        vm.stopPrank();
    }

    function test_buy_token_insufficientAllowance_reverts() public {
        vm.startPrank(alice);
        usd.approve(address(usdEvent), 25 * USD - 1);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(usdEvent), 25 * USD - 1, 25 * USD)
        );
        usdEvent.buy(FREE, 1);
        vm.stopPrank();
    }

    function test_buy_token_insufficientBalance_reverts() public {
        address poor = makeAddr("poor");
        vm.startPrank(poor);
        usd.approve(address(usdEvent), 25 * USD);
        vm.expectRevert(abi.encodeWithSelector(IERC20Errors.ERC20InsufficientBalance.selector, poor, 0, 25 * USD));
        usdEvent.buy(FREE, 1);
        vm.stopPrank();
    }

    function test_buyWithPermit_oneSignatureOneTransaction() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, aliceKey, address(usdEvent), 50 * USD, deadline);
        vm.prank(alice);
        uint256 first = usdEvent.buyWithPermit(FREE, 2, deadline, v, r, s);
        assertEq(usdEvent.ownerOf(first), alice);
        assertEq(usdEvent.escrowBalance(), 50 * USD);
        assertEq(usd.nonces(alice), 1);
        assertEq(usd.allowance(alice, address(usdEvent)), 0);
    }

    function test_buyWithPermit_expired_reverts() public {
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, aliceKey, address(usdEvent), 25 * USD, deadline);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketPermitFailed.selector, address(usd)));
        usdEvent.buyWithPermit(FREE, 1, deadline, v, r, s);
    }

    function test_buyWithPermit_signedByAnotherWallet_reverts() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, bobKey, address(usdEvent), 25 * USD, deadline);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketPermitFailed.selector, address(usd)));
        usdEvent.buyWithPermit(FREE, 1, deadline, v, r, s);
    }

    function test_buyWithPermit_permitForLessThanPrice_reverts() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, aliceKey, address(usdEvent), 25 * USD, deadline);
        vm.prank(alice);
        // Signed for one ticket, used for two: the permit's value does not match its signature.
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketPermitFailed.selector, address(usd)));
        usdEvent.buyWithPermit(FREE, 2, deadline, v, r, s);
    }

    /// Someone copies the permit from the mempool and submits it first: the buy still goes through.
    function test_buyWithPermit_frontRunPermit_stillBuys() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, aliceKey, address(usdEvent), 25 * USD, deadline);
        vm.prank(carol);
        usd.permit(alice, address(usdEvent), 25 * USD, deadline, v, r, s);
        vm.prank(alice);
        uint256 first = usdEvent.buyWithPermit(FREE, 1, deadline, v, r, s);
        assertEq(usdEvent.ownerOf(first), alice);
        assertEq(usd.balanceOf(address(usdEvent)), 25 * USD);
    }

    function test_buyWithPermit_nativeEvent_reverts() public {
        vm.prank(alice);
        vm.expectRevert(IEventTicket.EventTicketNativeCurrency.selector);
        ticket.buyWithPermit(FREE, 1, block.timestamp, 27, bytes32(0), bytes32(0));
    }

    function test_buy_feeOnTransferToken_refused() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        EventTicket e = _eventIn(address(fee));
        fee.mint(alice, 100 * USD);
        vm.startPrank(alice);
        fee.approve(address(e), 25 * USD);
        vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketUnsupportedToken.selector, address(fee)));
        e.buy(FREE, 1);
        vm.stopPrank();
        assertEq(e.totalMinted(), 0);
    }

    /// A USDT-style token (no boolean returned) works for buy, refund and escrow.
    function test_noBoolToken_buyAndRefund() public {
        NoBoolToken nb = new NoBoolToken();
        EventTicket e = _eventIn(address(nb));
        nb.mint(alice, 100 * USD);
        vm.startPrank(alice);
        nb.approve(address(e), 25 * USD);
        uint256 id = e.buy(FREE, 1);
        vm.stopPrank();
        assertEq(nb.balanceOf(address(e)), 25 * USD);
        vm.prank(organizer);
        e.cancelEvent();
        vm.prank(alice);
        assertEq(e.refund(_ids(id)), 25 * USD);
        assertEq(nb.balanceOf(alice), 100 * USD);
        assertEq(nb.balanceOf(address(e)), 0);
    }

    function test_refund_token_paysFaceToCurrentHolder() public {
        uint256 id = _buyIn(usdEvent, alice, FREE, 1);
        vm.prank(alice);
        usdEvent.transferFrom(alice, bob, id);
        vm.prank(organizer);
        usdEvent.cancelEvent();
        vm.prank(bob);
        vm.expectEmit(address(usdEvent));
        emit IEventTicket.Refunded(id, bob, 25 * USD);
        usdEvent.refund(_ids(id));
        assertEq(usd.balanceOf(bob), 1_025 * USD);
        assertEq(usdEvent.escrowBalance(), 0);
        assertEq(usd.balanceOf(address(usdEvent)), 0);
    }

    function test_withdrawProceeds_token_afterEnd() public {
        _buyIn(usdEvent, alice, FREE, 1);
        _buyIn(usdEvent, bob, MARKET_ONLY, 1);
        vm.warp(endTime);
        vm.prank(organizer);
        usdEvent.withdrawProceeds(payable(organizer));
        assertEq(usd.balanceOf(organizer), 65 * USD);
        assertEq(usdEvent.escrowBalance(), 0);
    }

    function test_claim_voucher_token_paysFace() public {
        vm.prank(alice);
        usd.approve(address(usdEvent), 50 * USD);
        bytes32 nonce = keccak256("usd-voucher");
        EventTicket saved = ticket;
        ticket = usdEvent; // _voucher/_sign hash against `ticket`
        bytes memory sig = _sign(signerKey, _voucher(alice, FREE, 2, bytes32(0), nonce));
        vm.prank(alice);
        usdEvent.claim(_voucher(alice, FREE, 2, bytes32(0), nonce), sig);
        ticket = saved;
        assertEq(usdEvent.balanceOf(alice), 2);
        assertEq(usdEvent.escrowBalance(), 50 * USD);
    }
}
