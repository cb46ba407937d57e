// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {EventTicket} from "../EventTicket.sol";
import {IResaleMarket} from "../interfaces/IResaleMarket.sol";
import {FeeOnTransferToken} from "./mocks/FeeOnTransferToken.sol";
import {BlocklistUSD} from "./mocks/BlocklistUSD.sol";
import {StablecoinFixture} from "./utils/StablecoinFixture.sol";

/// Resale of stablecoin-priced tickets: cap, royalty to the unit, permit, refused tokens, deferrals.
contract StablecoinMarketTest is StablecoinFixture {
    uint256 internal id;

    function setUp() public override {
        super.setUp();
        id = _buyIn(usdEvent, alice, MARKET_ONLY, 1); // 40 USD face, cap 100 %
    }

    /// Royalty 5 % of 39.999999 USD = 1.99999995 → 1.999999 (rounded down); the seller gets the rest.
    function test_buy_token_royaltyAndSellerExactToTheUnit() public {
        uint96 price = uint96(40 * USD - 1);
        _listIn(usdEvent, alice, id, price);
        vm.startPrank(bob);
        usd.approve(address(market), price);
        vm.expectEmit(address(market));
        emit IResaleMarket.Sold(address(usdEvent), id, bob, alice, price, 1_999_999);
        market.buy(address(usdEvent), id, price);
        vm.stopPrank();
        assertEq(usdEvent.ownerOf(id), bob);
        assertEq(usd.balanceOf(organizer), 1_999_999);
        assertEq(usd.balanceOf(alice), 1_000 * USD - 40 * USD + 38_000_000);
        assertEq(usd.balanceOf(bob), 1_000 * USD - price);
        assertEq(usd.balanceOf(address(market)), 0);
    }

    function test_list_token_aboveCap_reverts() public {
        vm.startPrank(alice);
        usdEvent.approve(address(market), id);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketPriceAboveCap.selector, 40 * USD + 1, 40 * USD));
        market.list(address(usdEvent), id, uint96(40 * USD + 1));
        vm.stopPrank();
    }

    function test_buy_token_withNativeValue_reverts() public {
        _listIn(usdEvent, alice, id, uint96(30 * USD));
        vm.deal(bob, 1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketUnexpectedValue.selector, 30 * USD));
        market.buy{value: 30 * USD}(address(usdEvent), id, 30 * USD);
    }

    function test_buy_token_insufficientAllowance_reverts() public {
        _listIn(usdEvent, alice, id, uint96(30 * USD));
        vm.prank(bob);
        vm.expectRevert(
            abi.encodeWithSelector(IERC20Errors.ERC20InsufficientAllowance.selector, address(market), 0, 30 * USD)
        );
        market.buy(address(usdEvent), id, 30 * USD);
    }

    function test_buyWithPermit_token() public {
        _listIn(usdEvent, alice, id, uint96(30 * USD));
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, bobKey, address(market), 30 * USD, deadline);
        vm.prank(bob);
        market.buyWithPermit(address(usdEvent), id, 30 * USD, deadline, v, r, s);
        assertEq(usdEvent.ownerOf(id), bob);
        assertEq(usd.balanceOf(organizer), 1_500_000);
    }

    function test_buyWithPermit_frontRunPermit_stillBuys() public {
        _listIn(usdEvent, alice, id, uint96(30 * USD));
        uint256 deadline = block.timestamp + 1 hours;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, bobKey, address(market), 30 * USD, deadline);
        usd.permit(bob, address(market), 30 * USD, deadline, v, r, s);
        vm.prank(bob);
        market.buyWithPermit(address(usdEvent), id, 30 * USD, deadline, v, r, s);
        assertEq(usdEvent.ownerOf(id), bob);
    }

    function test_buyWithPermit_expired_reverts() public {
        _listIn(usdEvent, alice, id, uint96(30 * USD));
        uint256 deadline = block.timestamp - 1;
        (uint8 v, bytes32 r, bytes32 s) = _permit(usd, bobKey, address(market), 30 * USD, deadline);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketPermitFailed.selector, address(usd)));
        market.buyWithPermit(address(usdEvent), id, 30 * USD, deadline, v, r, s);
    }

    function test_buyWithPermit_nativeEvent_reverts() public {
        uint256 nativeId = _buy(alice, MARKET_ONLY, 1);
        _list(alice, nativeId, 0.1 ether);
        vm.prank(bob);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketNativeCurrency.selector, address(ticket)));
        market.buyWithPermit(address(ticket), nativeId, 0.1 ether, block.timestamp, 27, bytes32(0), bytes32(0));
    }

    function test_buy_feeOnTransferToken_refused() public {
        FeeOnTransferToken fee = new FeeOnTransferToken();
        EventTicket e = _eventIn(address(fee));
        // Bought while the token charged no fee (primary sales refuse it otherwise), resold after.
        fee.setFee(false);
        fee.mint(alice, 100 * USD);
        vm.startPrank(alice);
        fee.approve(address(e), 25 * USD);
        uint256 comp = e.buy(FREE, 1);
        vm.stopPrank();
        fee.setFee(true);
        _listIn(e, alice, comp, uint96(20 * USD));
        fee.mint(bob, 100 * USD);
        vm.startPrank(bob);
        fee.approve(address(market), 20 * USD);
        vm.expectRevert(abi.encodeWithSelector(IResaleMarket.MarketUnsupportedToken.selector, address(fee)));
        market.buy(address(e), comp, 20 * USD);
        vm.stopPrank();
        assertEq(e.ownerOf(comp), alice);
    }

    /// A seller the token refuses (blocklisted) cannot block the sale: the proceeds wait in `owed`.
    function test_buy_blocklistedSeller_defersInTokenAndWithdrawsLater() public {
        BlocklistUSD bl = new BlocklistUSD();
        EventTicket e = _eventIn(address(bl));
        bl.mint(alice, 100 * USD);
        vm.startPrank(alice);
        bl.approve(address(e), 25 * USD);
        uint256 comp = e.buy(FREE, 1);
        vm.stopPrank();
        _listIn(e, alice, comp, uint96(20 * USD));
        bl.mint(bob, 100 * USD);
        bl.setBlocked(alice, true);
        vm.startPrank(bob);
        bl.approve(address(market), 20 * USD);
        vm.expectEmit(address(market));
        emit IResaleMarket.PaymentDeferred(alice, 19 * USD, address(bl));
        market.buy(address(e), comp, 20 * USD);
        vm.stopPrank();
        assertEq(e.ownerOf(comp), bob);
        assertEq(bl.balanceOf(organizer), 1 * USD);
        assertEq(market.owed(address(bl), alice), 19 * USD);
        assertEq(market.totalOwed(address(bl)), 19 * USD);
        assertEq(bl.balanceOf(address(market)), 19 * USD);
        // Issue 17.8: still blocklisted, alice names another wallet of hers.
        address aliceSafe = makeAddr("aliceSafe");
        vm.prank(alice);
        market.withdrawTo(address(bl), aliceSafe);
        assertEq(bl.balanceOf(aliceSafe), 19 * USD);
        assertEq(market.totalOwed(address(bl)), 0);
    }

    function test_withdraw_token_nothing_reverts() public {
        vm.prank(alice);
        vm.expectRevert(IResaleMarket.MarketNothingToWithdraw.selector);
        market.withdraw(address(usd));
    }
}
