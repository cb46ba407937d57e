// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {TicketFixture} from "./TicketFixture.sol";
import {EventTicket} from "../../EventTicket.sol";
import {Waitlist} from "../../Waitlist.sol";
import {EventConfig, TierConfig, TransferMode} from "../../interfaces/ITicketTypes.sol";
import {MockUSD} from "../mocks/MockUSD.sol";
import {NoBoolToken} from "../mocks/NoBoolToken.sol";
import {FeeOnTransferToken} from "../mocks/FeeOnTransferToken.sol";

/// TicketFixture plus a 6-decimal USD stablecoin with permit, and `usdEvent`: the same event rules
/// priced in it (`ticket` stays the native-coin event).
///   tier 0 FREE        25 USD, supply 100, cap 110 %
///   tier 1 MARKET_ONLY 40 USD, supply 50,  cap 100 %
///   tier 2 LOCKED      10 USD, supply 20,  cap 0
///   tier 3 FREE        25 USD, supply 1 (sold out by `_soldOut`: for waitlists)
/// Fans alice, bob, carol hold 1,000 USD each; their keys sign permits.
abstract contract StablecoinFixture is TicketFixture {
    uint256 internal constant USD = 1e6;
    uint8 internal constant SMALL = 3;

    MockUSD internal usd;
    EventTicket internal usdEvent;
    Waitlist internal waitlist;
    uint256 internal aliceKey;
    uint256 internal bobKey;

    function setUp() public virtual override {
        super.setUp();
        waitlist = Waitlist(market.waitlist());
        (, aliceKey) = makeAddrAndKey("alice");
        (, bobKey) = makeAddrAndKey("bob");
        usd = new MockUSD();
        usdEvent = _eventIn(address(usd));
        usd.mint(alice, 1_000 * USD);
        usd.mint(bob, 1_000 * USD);
        usd.mint(carol, 1_000 * USD);
    }

    function _usdTiers() internal pure returns (TierConfig[] memory t) {
        t = new TierConfig[](4);
        t[0] = TierConfig(uint96(25 * USD), 100, 1, TransferMode.Free, 11_000, false, false);
        t[1] = TierConfig(uint96(40 * USD), 50, 3, TransferMode.MarketOnly, 10_000, false, false);
        t[2] = TierConfig(uint96(10 * USD), 20, 1, TransferMode.Locked, 0, false, false);
        t[3] = TierConfig(uint96(25 * USD), 1, 1, TransferMode.Free, 10_000, false, false);
    }

    /// An event with TicketFixture's rules and `_usdTiers`, priced in `token`.
    function _eventIn(address token) internal returns (EventTicket e) {
        EventConfig memory cfg = _config();
        cfg.currency = token;
        vm.prank(organizer);
        e = EventTicket(factory.createEventWithTiers(cfg, _usdTiers()));
    }

    /// EIP-2612 signature by `key` letting `spender` take `value` until `deadline`.
    function _permit(MockUSD token, uint256 key, address spender, uint256 value, uint256 deadline)
        internal
        view
        returns (uint8 v, bytes32 r, bytes32 s)
    {
        address owner = vm.addr(key);
        bytes32 structHash = keccak256(
            abi.encode(
                keccak256("Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"),
                owner,
                spender,
                value,
                token.nonces(owner),
                deadline
            )
        );
        return vm.sign(key, keccak256(abi.encodePacked("\x19\x01", token.DOMAIN_SEPARATOR(), structHash)));
    }

    /// `who` approves `spender` and buys `n` tickets of `tierId` of `e` (an ERC-20-priced event).
    function _buyIn(EventTicket e, address who, uint8 tierId, uint256 n) internal returns (uint256 firstId) {
        uint256 price = e.tier(tierId).faceValue * n;
        vm.startPrank(who);
        usd.approve(address(e), price);
        firstId = e.buy(tierId, n);
        vm.stopPrank();
    }

    function _listIn(EventTicket e, address seller, uint256 tokenId, uint96 price) internal {
        vm.startPrank(seller);
        e.approve(address(market), tokenId);
        market.list(address(e), tokenId, price);
        vm.stopPrank();
    }
}
