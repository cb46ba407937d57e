// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TicketFixture} from "./utils/TicketFixture.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";

/// Property tests over random inputs.
contract EventTicketFuzzTest is TicketFixture {
    /// Buying any quantity succeeds exactly when it fits the wallet cap and the tier supply.
    function testFuzz_buy_respectsWalletCap(uint8 first, uint8 second) public {
        first = uint8(bound(first, 1, MAX_PER_WALLET));
        second = uint8(bound(second, 1, 10));
        _buy(alice, FREE, first);
        uint256 value = _face(FREE) * second;
        vm.prank(alice);
        if (uint256(first) + second > MAX_PER_WALLET) {
            vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketWalletCapExceeded.selector, alice, MAX_PER_WALLET));
        }
        ticket.buy{value: value}(FREE, second);
        assertLe(ticket.balanceOf(alice), MAX_PER_WALLET);
    }

    /// Any listing price at or under the cap is accepted; above it, refused; a sale splits exactly.
    function testFuzz_list_priceCap(uint96 price) public {
        uint256 id = _paid(FREE, alice, 1);
        uint256 cap = ticket.maxResalePrice(id);
        price = uint96(bound(price, 0, cap * 2));
        vm.startPrank(alice);
        ticket.approve(address(market), id);
        if (price > cap) vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketPriceAboveCap.selector, price, cap));
        market.list(address(ticket), id, price);
        vm.stopPrank();
        if (price > cap) return;
        uint256 sellerBefore = alice.balance;
        vm.prank(bob);
        market.buy{value: price}(address(ticket), id, price);
        uint256 royalty = uint256(price) * ROYALTY_BPS / 10_000;
        assertEq(organizer.balance, royalty);
        assertEq(alice.balance - sellerBefore, price - royalty);
    }

    /// Transfers are refused exactly inside [start − lockWindow, end).
    function testFuzz_transfer_lockWindow(uint64 at) public {
        uint256 id = _paid(FREE, alice, 1);
        at = uint64(bound(at, block.timestamp, endTime + 10 days));
        vm.warp(at);
        bool closed = at + LOCK_WINDOW >= startTime && at < endTime;
        if (closed) vm.expectRevert(abi.encodeWithSelector(IEventTicket.EventTicketTransferWindowClosed.selector, id));
        vm.prank(alice);
        ticket.transferFrom(alice, bob, id);
    }

    /// Refunds after cancellation return exactly what was paid, whatever the mix of tiers.
    function testFuzz_refund_returnsEscrow(uint8 a, uint8 b) public {
        a = uint8(bound(a, 1, MAX_PER_WALLET));
        b = uint8(bound(b, 1, MAX_PER_WALLET));
        uint256 idA = _buy(alice, FREE, a);
        uint256 idB = _buy(bob, MARKET_ONLY, b);
        uint256 escrow = ticket.escrowBalance();
        assertEq(escrow, uint256(a) * 0.1 ether + uint256(b) * 0.2 ether);
        _cancelEvent();
        uint256[] memory ids = new uint256[](a);
        for (uint256 i; i < a; ++i) ids[i] = idA + i;
        vm.prank(alice);
        ticket.refund(ids);
        ids = new uint256[](b);
        for (uint256 i; i < b; ++i) ids[i] = idB + i;
        vm.prank(bob);
        ticket.refund(ids);
        assertEq(ticket.escrowBalance(), 0);
        assertEq(address(ticket).balance, 0);
    }

    /// Batch mints to a random mix of wallets keep balances, ids and tiers consistent.
    function testFuzz_mintTier_mixedRecipients(uint256 seed, uint8 n) public {
        n = uint8(bound(n, 1, 12));
        address[] memory to = new address[](n);
        address[3] memory pool = [alice, bob, carol];
        for (uint256 i; i < n; ++i) to[i] = pool[uint256(keccak256(abi.encode(seed, i))) % 3];
        uint256 expectAlice;
        for (uint256 i; i < n; ++i) if (to[i] == alice) ++expectAlice;
        vm.prank(organizer);
        try ticket.mintTier(FREE, ORGANIZER_CH, to) {}
        catch (bytes memory err) {
            // only the wallet cap may refuse a batch within supply
            assertEq(bytes4(err), IEventTicket.EventTicketWalletCapExceeded.selector);
            return;
        }
        assertEq(ticket.balanceOf(alice), expectAlice);
        for (uint256 i; i < n; ++i) assertEq(ticket.ownerOf(i + 1), to[i]);
        assertEq(ticket.totalMinted(), n);
    }
}
