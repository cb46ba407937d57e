// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {FairgateDeployer} from "./FairgateDeployer.sol";
import {TicketFactory} from "../../TicketFactory.sol";
import {EventTicket} from "../../EventTicket.sol";
import {ResaleMarket} from "../../ResaleMarket.sol";
import {EventConfig, TierConfig, TransferMode, Voucher} from "../../interfaces/ITicketTypes.sol";

/// Shared set-up: a factory, its market, and one event with four tiers.
///   tier 0 FREE        0.1 ether, supply 100, cap 110 %
///   tier 1 MARKET_ONLY 0.2 ether, supply 50,  cap 100 %, zones VIP|general
///   tier 2 LOCKED      0.05 ether, supply 20, cap 0
///   tier 3 VOUCHER     0.1 ether, supply 30,  cap 100 %, voucher only
abstract contract TicketFixture is FairgateDeployer {
    uint8 internal constant FREE = 0;
    uint8 internal constant MARKET_ONLY = 1;
    uint8 internal constant LOCKED = 2;
    uint8 internal constant VOUCHER = 3;
    uint32 internal constant MAX_PER_WALLET = 4;
    uint32 internal constant MAX_PER_IDENTITY = 2;
    uint16 internal constant ROYALTY_BPS = 500;
    uint32 internal constant LOCK_WINDOW = 1 days;

    TicketFactory internal factory;
    ResaleMarket internal market;
    EventTicket internal ticket;
    address internal organizer = makeAddr("organizer");
    address internal gate = makeAddr("gate");
    address internal alice = makeAddr("alice");
    address internal bob = makeAddr("bob");
    address internal carol = makeAddr("carol");
    uint256 internal signerKey = 0xA11CE;
    address internal signer;
    uint64 internal startTime;
    uint64 internal endTime;

    function setUp() public virtual {
        signer = vm.addr(signerKey);
        (factory, market) = _deployFairgate();
        startTime = uint64(block.timestamp + 30 days);
        endTime = startTime + 1 days;
        vm.prank(organizer);
        ticket = EventTicket(factory.createEventWithTiers(_config(), _tiers()));
        bytes32 gateRole = ticket.GATE_ROLE();
        vm.prank(organizer);
        ticket.grantRole(gateRole, gate);
        vm.deal(alice, 100 ether);
        vm.deal(bob, 100 ether);
        vm.deal(carol, 100 ether);
    }

    function _config() internal view returns (EventConfig memory) {
        return EventConfig({
            name: "Fairgate Live",
            symbol: "FGL",
            startTime: startTime,
            endTime: endTime,
            lockWindow: LOCK_WINDOW,
            maxPerWallet: MAX_PER_WALLET,
            maxPerIdentity: MAX_PER_IDENTITY,
            royaltyBps: ROYALTY_BPS,
            voucherSigner: signer,
            currency: address(0)
        });
    }

    function _tiers() internal pure returns (TierConfig[] memory t) {
        t = new TierConfig[](4);
        t[0] = TierConfig(0.1 ether, 100, 1, TransferMode.Free, 11_000, false, false);
        t[1] = TierConfig(0.2 ether, 50, 3, TransferMode.MarketOnly, 10_000, false, false);
        t[2] = TierConfig(0.05 ether, 20, 1, TransferMode.Locked, 0, false, false);
        t[3] = TierConfig(0.1 ether, 30, 1, TransferMode.Free, 10_000, true, false);
    }

    function _face(uint8 tierId) internal view returns (uint256) {
        return ticket.tier(tierId).faceValue;
    }

    /// Organizer mints `n` complimentary tickets of `tierId` to `to`; returns the first id.
    function _mint(uint8 tierId, address to, uint256 n) internal returns (uint256) {
        vm.prank(organizer);
        return ticket.mintTo(tierId, ORGANIZER_CH, to, n);
    }

    /// `n` tickets of `tierId` bought at face by `to` (funded here): tickets that carry a refund right,
    /// as the market and the waitlist require for a sale at a price.
    function _paid(uint8 tierId, address to, uint256 n) internal returns (uint256) {
        vm.deal(to, to.balance + _face(tierId) * n);
        return _buy(to, tierId, n);
    }

    /// `who` buys `n` tickets of `tierId` at face value; returns the first id.
    function _buy(address who, uint8 tierId, uint256 n) internal returns (uint256) {
        uint256 value = _face(tierId) * n;
        vm.prank(who);
        return ticket.buy{value: value}(tierId, n);
    }

    function _voucher(address to, uint8 tierId, uint16 qty, bytes32 identity, bytes32 nonce)
        internal
        view
        returns (Voucher memory v)
    {
        v = Voucher({to: to, tier: tierId, quantity: qty, identityCommitment: identity, nonce: nonce, deadline: uint64(block.timestamp + 1 hours)});
    }

    function _sign(uint256 key, Voucher memory v) internal view returns (bytes memory) {
        (uint8 vv, bytes32 r, bytes32 s) = vm.sign(key, ticket.hashVoucher(v));
        return abi.encodePacked(r, s, vv);
    }

    function _ids(uint256 a) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](1);
        ids[0] = a;
    }

    function _ids(uint256 a, uint256 b) internal pure returns (uint256[] memory ids) {
        ids = new uint256[](2);
        ids[0] = a;
        ids[1] = b;
    }

    function _list(address seller, uint256 tokenId, uint96 price) internal {
        vm.startPrank(seller);
        ticket.approve(address(market), tokenId);
        market.list(address(ticket), tokenId, price);
        vm.stopPrank();
    }

    function _cancelEvent() internal {
        vm.prank(organizer);
        ticket.cancelEvent();
    }

    // ------------------------------------------------------------------ channels and binding
    uint8 internal constant PUBLIC = 0;
    uint8 internal constant SPONSOR = 1;
    uint8 internal constant STAFF = 2;
    uint8 internal constant ARTIST = 3;
    uint8 internal constant ORGANIZER_CH = 4;

    /// One channel's 32-bit rule, placed at its slot of the `configureRules` word.
    function _rule(uint8 channel, uint24 quota, TransferMode mode) internal pure returns (uint256) {
        return (uint256(quota) | (uint256(uint8(mode)) << 24) | (1 << 26)) << (32 * uint256(channel));
    }

    function _configure(uint256 channelRules, uint256 identityDeadlines) internal {
        bytes16[8] memory names;
        vm.prank(organizer);
        ticket.configureRules(channelRules, identityDeadlines, names);
    }

    /// Organizer mints `n` tickets of `tierId` through `channel` to `to`; returns the first id.
    function _mintVia(uint8 tierId, uint8 channel, address to, uint256 n) internal returns (uint256) {
        vm.prank(organizer);
        return ticket.mintTo(tierId, channel, to, n);
    }

    /// The identity service's EIP-712 signature binding `tokenId` held by `holder` to `commitment`.
    function _signBinding(uint256 key, uint256 tokenId, address holder, bytes32 commitment)
        internal
        view
        returns (bytes memory)
    {
        (, string memory name, string memory version, uint256 chainId, address verifying,,) = ticket.eip712Domain();
        bytes32 domain = keccak256(
            abi.encode(
                keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"),
                keccak256(bytes(name)),
                keccak256(bytes(version)),
                chainId,
                verifying
            )
        );
        bytes32 structHash = keccak256(
            abi.encode(keccak256("IdentityBinding(uint256 tokenId,address holder,bytes32 identityCommitment)"), tokenId, holder, commitment)
        );
        (uint8 vv, bytes32 r, bytes32 s) = vm.sign(key, keccak256(abi.encodePacked("\x19\x01", domain, structHash)));
        return abi.encodePacked(r, s, vv);
    }
}
