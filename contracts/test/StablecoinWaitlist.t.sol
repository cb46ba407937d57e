// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {EventTicket} from "../EventTicket.sol";
import {IWaitlist} from "../interfaces/IWaitlist.sol";
import {FeeOnTransferToken} from "./mocks/FeeOnTransferToken.sol";
import {StablecoinFixture} from "./utils/StablecoinFixture.sol";

/// Waitlist deposits, returns and leaves in a stablecoin-priced event (tier SMALL: 25 USD, supply 1).
contract StablecoinWaitlistTest is StablecoinFixture {
    uint256 internal held;

    function setUp() public override {
        super.setUp();
        held = _buyIn(usdEvent, carol, SMALL, 1); // sold out
    }

    function _joinUsd(address who) internal {
        vm.startPrank(who);
        usd.approve(address(waitlist), 25 * USD);
        waitlist.join(address(usdEvent), SMALL);
        vm.stopPrank();
    }

    function test_join_token_takesDeposit_leaveReturnsIt() public {
        _joinUsd(alice);
        assertEq(usd.balanceOf(address(waitlist)), 25 * USD);
        assertEq(waitlist.totalDeposits(address(usd)), 25 * USD);
        assertEq(waitlist.totalDeposits(address(0)), 0);
        vm.prank(alice);
        waitlist.leave(address(usdEvent), SMALL);
        assertEq(usd.balanceOf(alice), 1_000 * USD);
        assertEq(waitlist.totalDeposits(address(usd)), 0);
    }

    function test_join_token_withNativeValue_reverts() public {
        vm.deal(alice, 1 ether);
        vm.startPrank(alice);
        usd.approve(address(waitlist), 25 * USD);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistUnexpectedValue.selector, 25 * USD));
        waitlist.join{value: 25 * USD}(address(usdEvent), SMALL);
        vm.stopPrank();
    }

    function test_join_token_insufficientAllowance_reverts() public {
        vm.prank(alice);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(waitlist), 0, 25 * USD)
        );
        waitlist.join(address(usdEvent), SMALL);
    }

    function test_returnTicket_token_paysHolderFromHeadDeposit() public {
        _joinUsd(alice);
        vm.startPrank(carol);
        usdEvent.approve(address(market), held);
        waitlist.returnTicket(address(usdEvent), held);
        vm.stopPrank();
        assertEq(usdEvent.ownerOf(held), alice);
        assertEq(usd.balanceOf(carol), 1_000 * USD); // paid 25, got 25 back
        assertEq(usd.balanceOf(address(waitlist)), 0);
    }

    function test_joinWithPermit_token() public {
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, aliceKey, address(waitlist), 25 * USD, deadline);
        vm.prank(alice);
        assertEq(waitlist.joinWithPermit(address(usdEvent), SMALL, deadline, v, r, s), 1);
        assertEq(usd.balanceOf(address(waitlist)), 25 * USD);
    }

    function test_joinWithPermit_expired_reverts() public {
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, aliceKey, address(waitlist), 25 * USD, deadline);
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistPermitFailed.selector, address(usd)));
        waitlist.joinWithPermit(address(usdEvent), SMALL, deadline, v, r, s);
    }

    function test_joinWithPermit_nativeEvent_reverts() public {
        vm.prank(alice);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistNativeCurrency.selector, address(ticket)));
        waitlist.joinWithPermit(address(ticket), FREE, block.timestamp, 27, bytes32(0), bytes32(0));
    }

    function test_join_feeOnTransferToken_refused() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        EventTicket e = _eventIn(address(fee));
        vm.prank(organizer);
        e.mintTo(SMALL, 4, carol, 1); // sold out by a complimentary ticket
        fee.mint(alice, 100 * USD);
        vm.startPrank(alice);
        fee.approve(address(waitlist), 25 * USD);
        vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistUnsupportedToken.selector, address(fee)));
        waitlist.join(address(e), SMALL);
        vm.stopPrank();
    }

    /// Leaving after a cancellation still returns the token deposit.
    function test_leave_token_afterCancel() public {
        _joinUsd(alice);
        vm.prank(organizer);
        usdEvent.cancelEvent();
        vm.prank(alice);
        waitlist.leave(address(usdEvent), SMALL);
        assertEq(usd.balanceOf(alice), 1_000 * USD);
    }
}
