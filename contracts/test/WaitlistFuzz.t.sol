// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {WaitlistFixture} from "./utils/WaitlistFixture.sol";
import {IWaitlist} from "../interfaces/IWaitlist.sol";

/// Property tests of the waitlist over random inputs.
contract WaitlistFuzzTest is WaitlistFixture {
    /// Any deposit other than exactly face value is refused; face value is accepted.
    function testFuzz_join_depositMustEqualFace(uint96 value) public {
        value = uint96(bound(value, 0, 10 ether));
        vm.deal(dave, 10 ether);
        vm.prank(dave);
        if (value != 0.2 ether) {
            vm.expectRevert(abi.encodeWithSelector(IWaitlist.WaitlistWrongDeposit.selector, 0.2 ether, value));
        }
        waitlist.join{value: value}(address(ticket), MARKET_ONLY);
        assertEq(address(waitlist).balance, value == 0.2 ether ? value : 0);
    }

    /// After any set of joins and leaves, the queue holds the remaining wallets in join order and the
    /// contract holds exactly their deposits.
    function testFuzz_joinLeave_keepsJoinOrder(uint16 leaveMask, uint8 count) public {
        uint256 n = bound(count, 1, 12);
        address[] memory w = new address[](n);
        for (uint256 i; i < n; ++i) {
            w[i] = makeAddr(string.concat("fan", vm.toString(i)));
            vm.deal(w[i], 1 ether);
            _join(w[i], FREE);
        }
        uint256 kept;
        for (uint256 i; i < n; ++i) {
            if (leaveMask & (1 << i) != 0) {
                vm.prank(w[i]);
                waitlist.leave(address(ticket), FREE);
            } else {
                ++kept;
            }
        }
        address[] memory q = _queue(FREE);
        assertEq(q.length, kept);
        uint256 j;
        for (uint256 i; i < n; ++i) {
            if (leaveMask & (1 << i) != 0) continue;
            assertEq(q[j], w[i]);
            assertEq(waitlist.positionOf(address(ticket), FREE, w[i]), j + 1);
            ++j;
        }
        assertEq(address(waitlist).balance, kept * 0.1 ether);
        assertEq(waitlist.totalDeposits(address(0)), kept * 0.1 ether);
    }
}
