// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IAccessControl} from "@openzeppelin/contracts/access/IAccessControl.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {Voucher} from "../interfaces/ITicketTypes.sol";
import {ResaleMarket} from "../ResaleMarket.sol";
import {TicketFixture} from "./utils/TicketFixture.sol";
import {ReenteringReceiver} from "./utils/Actors.sol";

/// Re-enters `target` with `data` once from receive(), recording the revert; refuses ETH until armed.
contract EthReenterer {
    address public target;
    bytes public data;
    bool public armed;
    bool public attempted;
    bool public reentrySucceeded;
    bytes public reentryError;

    function arm(address target_, bytes calldata data_) external {
        (target, data, armed) = (target_, data_, true);
    }

    function call(address to, bytes calldata data_) external returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call(data_);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }

    receive() external payable {
        if (!armed) revert("not yet");
        if (!attempted) {
            attempted = true;
            (reentrySucceeded, reentryError) = target.call(data);
        }
    }
}

/// Gaps filled after the chaos review: every privileged function refuses a stranger (incl. the
/// AccessControl admin functions), a revoked gate loses check-in, and the ETH paths not yet covered
/// (voucher claim, proceeds withdrawal, market withdraw) refuse re-entry from a malicious receiver.
contract AccessControlAndReentrancyTest is TicketFixture {
    address internal stranger = makeAddr("stranger");

    function _unauthorized(address who, bytes32 role) internal {
        vm.expectRevert(abi.encodeWithSelector(IAccessControl.AccessControlUnauthorizedAccount.selector, who, role));
    }

    function test_mintTier_notMinter_reverts() public {
        address[] memory to = new address[](1);
        to[0] = stranger;
        _unauthorized(stranger, ticket.MINTER_ROLE());
        vm.prank(stranger);
        ticket.mintTier(FREE, ORGANIZER_CH, to);
    }

    function test_grantRole_notAdmin_reverts() public {
        bytes32 gateRole = ticket.GATE_ROLE();
        _unauthorized(stranger, ticket.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        ticket.grantRole(gateRole, stranger);
    }

    function test_grantRole_gateCannotGrantItsRole_reverts() public {
        bytes32 gateRole = ticket.GATE_ROLE();
        _unauthorized(gate, ticket.DEFAULT_ADMIN_ROLE());
        vm.prank(gate);
        ticket.grantRole(gateRole, stranger);
    }

    function test_revokeRole_notAdmin_reverts() public {
        bytes32 gateRole = ticket.GATE_ROLE();
        _unauthorized(stranger, ticket.DEFAULT_ADMIN_ROLE());
        vm.prank(stranger);
        ticket.revokeRole(gateRole, gate);
    }

    function test_checkIn_revokedGate_reverts() public {
        uint256 id = _mint(FREE, alice, 1);
        bytes32 gateRole = ticket.GATE_ROLE();
        vm.prank(organizer);
        ticket.revokeRole(gateRole, gate);
        _unauthorized(gate, gateRole);
        vm.prank(gate);
        ticket.checkIn(_ids(id));
        assertFalse(ticket.isCheckedIn(id));
    }

    function test_setApprovalForAll_fakeMarket_cannotMoveMarketOnlyTicket() public {
        uint256 id = _mint(MARKET_ONLY, alice, 1);
        address fakeMarket = makeAddr("fakeMarket");
        vm.prank(alice);
        (bool approved,) = address(ticket).call(abi.encodeCall(ticket.setApprovalForAll, (fakeMarket, true)));
        if (approved) {
            vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketMarketOnly.selector, id));
            vm.prank(fakeMarket);
            ticket.transferFrom(alice, fakeMarket, id);
        }
        assertEq(ticket.ownerOf(id), alice);
    }

    function test_claim_receiverReenters_blocked() public {
        ReenteringReceiver rr = new ReenteringReceiver();
        Voucher memory v = _voucher(address(rr), VOUCHER, 1, keccak256("id-a"), keccak256("n-1"));
        Voucher memory v2 = _voucher(address(rr), VOUCHER, 1, keccak256("id-b"), keccak256("n-2"));
        uint256 price = _face(VOUCHER);
        vm.deal(address(rr), price);
        rr.arm(address(ticket), abi.encodeCall(ticket.claim, (v2, _sign(signerKey, v2))), price);
        vm.prank(alice);
        ticket.claim{value: price}(v, _sign(signerKey, v));
        assertTrue(rr.attempted());
        assertFalse(rr.reentrySucceeded());
        assertEq(bytes4(rr.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(ticket.balanceOf(address(rr)), 1);
        assertEq(address(rr).balance, price);
    }

    function test_withdrawProceeds_receiverReenters_blockedAndPaidOnce() public {
        _buy(alice, FREE, 2);
        EthReenterer r = new EthReenterer();
        // Even an admin receiver cannot re-enter: the guard refuses before the role check.
        bytes32 admin = ticket.DEFAULT_ADMIN_ROLE();
        vm.prank(organizer);
        ticket.grantRole(admin, address(r));
        r.arm(address(ticket), abi.encodeCall(ticket.withdrawProceeds, (payable(address(r)))));
        vm.warp(endTime);
        vm.prank(organizer);
        ticket.withdrawProceeds(payable(address(r)));
        assertFalse(r.reentrySucceeded());
        assertEq(bytes4(r.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(address(r).balance, 0.2 ether);
        assertEq(address(ticket).balance, 0);
    }

    function test_marketWithdraw_receiverReenters_blockedAndPaidOnce() public {
        EthReenterer seller = new EthReenterer();
        uint256 id = _paid(FREE, address(seller), 1);
        uint96 price = 0.1 ether;
        seller.call(address(ticket), abi.encodeCall(ticket.approve, (address(market), id)));
        seller.call(address(market), abi.encodeCall(market.list, (address(ticket), id, price)));
        vm.prank(bob);
        market.buy{value: price}(address(ticket), id, price);
        uint256 owed = market.owed(address(0), address(seller));
        assertGt(owed, 0); // the push was refused, so the payout waits in `owed`
        seller.arm(address(market), abi.encodeWithSignature("withdraw(address)", address(0)));
        seller.call(address(market), abi.encodeWithSignature("withdraw(address)", address(0)));
        assertFalse(seller.reentrySucceeded());
        assertEq(bytes4(seller.reentryError()), ReentrancyGuardTransient.ReentrancyGuardReentrantCall.selector);
        assertEq(address(seller).balance, owed);
        assertEq(market.owed(address(0), address(seller)), 0);
        assertEq(address(market).balance, market.totalOwed(address(0)));
    }
}
