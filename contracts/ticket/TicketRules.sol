// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {IERC4906} from "@openzeppelin/contracts/interfaces/IERC4906.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {PackedERC721} from "../token/PackedERC721.sol";
import {IEventTicket} from "../interfaces/IEventTicket.sol";
import {IERC5192} from "../interfaces/IERC5192.sol";
import {EventConfig, SaleBlock, SaleTerms, TierConfig, TransferMode} from "../interfaces/ITicketTypes.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// @title TicketRules
/// @notice The event's rules and the two rules every module obeys: the transfer policy (`_update`) and
/// the sale rule (`saleTerms` / `_saleBlocker`). Holds the immutable event and tier rules, the
/// event-wide state word, roles, check-in, and the rule views.
/// @dev Tier rules and event rules are immutables: reading them costs no storage access.
abstract contract TicketRules is PackedERC721, AccessControl, IERC2981, IERC4906, IERC5192, IEventTicket {
    using P for uint256;

    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant GATE_ROLE = keccak256("GATE_ROLE");

    /// @notice Largest array (mint recipients, check-ins, refunds) one call accepts.
    uint256 public constant MAX_BATCH = 500;

    // ------------------------------------------------------------------ immutable rules
    address public immutable factory;
    address public immutable organizer;
    /// @notice The official ResaleMarket: the only mover of `MarketOnly` tickets.
    address public immutable market;
    /// @notice ERC-20 token of face values, escrow and refunds (zero: the native coin).
    address public immutable currency;
    uint64 public immutable startTime;
    uint64 public immutable endTime;
    uint32 public immutable lockWindow;
    uint32 public immutable maxPerWallet;
    uint32 public immutable maxPerIdentity;
    uint16 public immutable royaltyBps;
    uint8 public immutable tierCount;
    /// @dev True when some tier is not `Free`: operators other than the market are refused.
    bool private immutable _operatorsRestricted;
    uint256 private immutable _tier0;
    uint256 private immutable _tier1;
    uint256 private immutable _tier2;
    uint256 private immutable _tier3;
    uint256 private immutable _tier4;
    uint256 private immutable _tier5;
    uint256 private immutable _tier6;
    uint256 private immutable _tier7;

    // ------------------------------------------------------------------ storage
    /// @dev Totals, cancelled flag, seats sold, deadlines flag, minted per tier (layout in TicketPacking).
    uint256 internal _state;
    /// @notice Per tier, 32 bits: identity binding required by `startTime - seconds` (0 = not required).
    uint256 public identityDeadlines;

    constructor(address organizer_, address market_, EventConfig memory cfg, TierConfig[] memory tiers)
        PackedERC721(cfg.name, cfg.symbol)
    {
        if (organizer_ == address(0)) revert EventTicketZeroOrganizer();
        uint256 n = tiers.length;
        if (
            n == 0 || n > P.MAX_TIERS || cfg.endTime <= cfg.startTime || cfg.royaltyBps > 10_000
                || (cfg.currency != address(0) && cfg.currency.code.length == 0)
        ) {
            revert EventTicketBadConfig();
        }
        factory = msg.sender;
        organizer = organizer_;
        market = market_;
        currency = cfg.currency;
        startTime = cfg.startTime;
        endTime = cfg.endTime;
        lockWindow = cfg.lockWindow;
        maxPerWallet = cfg.maxPerWallet;
        maxPerIdentity = cfg.maxPerIdentity;
        royaltyBps = cfg.royaltyBps;
        tierCount = uint8(n);

        uint256[8] memory w;
        bool restricted;
        for (uint256 i; i < n; ++i) {
            TierConfig memory t = tiers[i];
            // Seats are bought by number with `buySeats`, which takes no voucher.
            if (t.supply == 0 || (t.reserved && t.voucherOnly)) revert EventTicketBadConfig();
            w[i] = P.pack(t);
            if (t.mode != TransferMode.Free) restricted = true;
            emit TierCreated(uint8(i), t.faceValue, t.supply, t.zones, t.mode, t.resaleCapBps, t.voucherOnly, t.reserved);
        }
        _operatorsRestricted = restricted;
        (_tier0, _tier1, _tier2, _tier3) = (w[0], w[1], w[2], w[3]);
        (_tier4, _tier5, _tier6, _tier7) = (w[4], w[5], w[6], w[7]);

        _grantRole(DEFAULT_ADMIN_ROLE, organizer_);
        _grantRole(MINTER_ROLE, organizer_);
    }

    // ================================================================== check-in

    /// @notice Gate role records admission of a batch of tickets. A checked-in ticket never moves again.
    /// @dev Ids already checked in are skipped (no event): a gate batcher that retries a batch after a
    /// crash, or two batchers racing, can never get stuck on a revert. `CheckedIn` fires once per ticket.
    /// ERC-4906: one `MetadataUpdate` when one ticket changed, else one `BatchMetadataUpdate` from the lowest
    /// to the highest id checked in (a per-ticket event would cost ~1,000 gas each; tokens in the range that
    /// did not change are merely refetched).
    function checkIn(uint256[] calldata tokenIds) external onlyRole(GATE_ROLE) {
        uint256 n = tokenIds.length;
        _checkBatch(n);
        if (_state & P.CANCELLED != 0) revert EventTicketCancelled();
        uint256 lo = type(uint256).max;
        uint256 hi;
        for (uint256 i; i < n; ++i) {
            uint256 id = tokenIds[i];
            uint256 word = _tokens[id];
            if (word == 0) revert ERC721NonexistentToken(id);
            if (word & P.CHECKED_IN != 0) continue;
            _tokens[id] = word | P.CHECKED_IN;
            emit CheckedIn(id, msg.sender);
            // ERC-5192: a used ticket never moves again.
            if (!_lockedWord(word)) emit Locked(id);
            if (id < lo) lo = id;
            if (id > hi) hi = id;
        }
        // Token ids start at 1: `hi` is zero only when every id was already checked in.
        if (hi == 0) return;
        if (lo == hi) emit MetadataUpdate(lo);
        else emit BatchMetadataUpdate(lo, hi);
    }

    // ================================================================== rule views

    /// @notice General-admission tickets ever minted: the last sequential token id (seats not included).
    function totalMinted() external view returns (uint256) {
        return _state.totalMinted();
    }

    /// @notice Reserved seats sold (`buySeats`).
    function seatsSold() external view returns (uint256) {
        return _state.seatsSold();
    }

    /// @notice Tickets minted in `tierId`.
    function tierMinted(uint8 tierId) external view returns (uint256) {
        return _state.tierMinted(tierId);
    }

    /// @inheritdoc IEventTicket
    function cancelled() external view returns (bool) {
        return _state & P.CANCELLED != 0;
    }

    /// @inheritdoc IEventTicket
    function tier(uint8 tierId) external view returns (TierConfig memory) {
        return P.unpack(_tierWord(tierId));
    }

    /// @inheritdoc IEventTicket
    function tierOf(uint256 tokenId) external view returns (uint8) {
        return _requireWord(tokenId).tierId();
    }

    /// @notice Zone bitmask the ticket admits to.
    function zonesOf(uint256 tokenId) external view returns (uint32) {
        return P.unpack(_tierWord(_requireWord(tokenId).tierId())).zones;
    }

    /// @inheritdoc IEventTicket
    function isCheckedIn(uint256 tokenId) external view returns (bool) {
        return _requireWord(tokenId) & P.CHECKED_IN != 0;
    }

    /// @inheritdoc IEventTicket
    function maxResalePrice(uint256 tokenId) external view returns (uint256) {
        uint256 t = _tierWord(_requireWord(tokenId).tierId());
        return t.faceValue() * t.resaleCapBps() / 10_000;
    }

    /// @notice ERC-5192: true for tickets that can no longer move: a `Locked` tier or channel, bound to an
    /// identity, or checked in. `Locked` is emitted when a ticket becomes so (mint, binding, check-in).
    function locked(uint256 tokenId) external view returns (bool) {
        uint256 word = _requireWord(tokenId);
        return word & P.CHECKED_IN != 0 || _lockedWord(word);
    }

    /// @inheritdoc IEventTicket
    function saleTerms(uint256 tokenId) external view returns (SaleTerms memory s) {
        uint256 word = _requireWord(tokenId);
        uint8 tierId = word.tierId();
        uint256 t = _tierWord(tierId);
        s.holder = word.owner();
        s.currency = currency;
        s.tier = tierId;
        s.face = t.faceValue();
        s.maxPrice = s.face * t.resaleCapBps() / 10_000;
        s.blocker = _saleBlocker(word, tierId, t);
    }

    /// @notice ERC-2981: royalty on resale, paid to the organizer.
    function royaltyInfo(uint256, uint256 salePrice) external view returns (address, uint256) {
        return (organizer, salePrice * royaltyBps / 10_000);
    }

    /// @inheritdoc IERC165
    function supportsInterface(bytes4 interfaceId)
        public
        view
        virtual
        override(PackedERC721, AccessControl, IERC165)
        returns (bool)
    {
        return interfaceId == type(IERC2981).interfaceId || interfaceId == type(IERC5192).interfaceId
            || interfaceId == bytes4(0x49064906) || PackedERC721.supportsInterface(interfaceId) || AccessControl.supportsInterface(interfaceId);
    }

    // ================================================================== transfer policy

    /// @dev The transfer policy, on every ownership change after mint: check-in freeze, identity binding,
    /// transfer mode, lock window; the wallet cap is `_creditWallet`'s. `auth` zero is the organizer's
    /// lost-wallet recovery, which skips binding, mode and window (authorization is skipped in super).
    function _update(address to, uint256 tokenId, address auth) internal override returns (address) {
        uint256 word = _tokens[tokenId];
        if (word & P.CHECKED_IN != 0) revert EventTicketCheckedIn(tokenId);
        if (auth != address(0) && word != 0) {
            // Channel rule and identity binding ride in the token word: no extra storage read.
            if (word & P.BOUND != 0) revert EventTicketIdentityBound(tokenId);
            TransferMode mode = word.effectiveMode(_tierWord(word.tierId()));
            if (mode != TransferMode.Free) {
                if (mode == TransferMode.Locked) revert EventTicketLocked(tokenId);
                if (msg.sender != market) revert EventTicketMarketOnly(tokenId);
            }
            if (block.timestamp + lockWindow >= startTime && block.timestamp < endTime) {
                revert EventTicketTransferWindowClosed(tokenId);
            }
        }
        return super._update(to, tokenId, auth);
    }

    /// @dev `Locked` tickets take no approval; `MarketOnly` tickets only the official market.
    function _checkApproval(uint256 word, uint256 tokenId, address to) internal view override {
        TransferMode mode = word.effectiveMode(_tierWord(word.tierId()));
        if (mode == TransferMode.Locked || word & P.BOUND != 0 || (mode == TransferMode.MarketOnly && to != market)) {
            revert EventTicketApprovalNotAllowed(tokenId, to);
        }
    }

    /// @dev When any tier is `Locked` or `MarketOnly`, the only operator allowed is the official market.
    function _checkOperator(address operator) internal view override {
        if (_operatorsRestricted && operator != market) revert EventTicketOperatorNotAllowed(operator);
    }

    /// @dev Adds `n` to a wallet's balance and `bought` to its purchases, enforcing `maxPerWallet` on both.
    function _creditWallet(address wallet, uint256 n, uint256 bought) internal override {
        if (wallet == address(0)) revert ERC721InvalidReceiver(address(0));
        uint256 w = _wallets[wallet];
        unchecked {
            w += n + (bought << P.BOUGHT_SHIFT);
        }
        uint256 cap = maxPerWallet;
        if (cap != 0 && ((w & P.BALANCE_MASK) > cap || ((w >> P.BOUGHT_SHIFT) & P.BOUGHT_MASK) > cap)) {
            revert EventTicketWalletCapExceeded(wallet, cap);
        }
        _wallets[wallet] = w;
    }

    // ================================================================== sale rule

    /// @dev The single rule for selling a ticket (`SaleBlock` lists the reasons, in precedence order):
    /// whatever the gate would refuse at the door, or a sale whose buyer would get no refund right.
    function _saleBlocker(uint256 word, uint8 tierId, uint256 tierWord) private view returns (SaleBlock) {
        uint256 state = _state;
        if (state & P.CANCELLED != 0) return SaleBlock.Cancelled;
        if (word & P.CHECKED_IN != 0) return SaleBlock.CheckedIn;
        if (block.timestamp + lockWindow >= startTime) return SaleBlock.SalesClosed;
        if (word & P.BOUND != 0 || word.effectiveMode(tierWord) == TransferMode.Locked) return SaleBlock.Soulbound;
        if (word & P.HAS_IDENTITY != 0) return SaleBlock.Named;
        if (state & P.DEADLINES != 0) {
            uint64 deadline = _bindingDeadline(tierId);
            if (deadline != 0 && block.timestamp > deadline) return SaleBlock.BindingClosed;
        }
        if (word & (P.PAID | P.REFUNDED | P.DETACHED) != P.PAID) return SaleBlock.NotRefundable;
        return SaleBlock.None;
    }

    /// @dev Unix time by which tickets of `tierId` must be bound; 0 when the tier needs no binding.
    function _bindingDeadline(uint8 tierId) internal view returns (uint64) {
        uint256 secs = uint32(identityDeadlines >> (32 * uint256(tierId)));
        if (secs == 0) return 0;
        return secs >= startTime ? 1 : uint64(startTime - secs);
    }

    // ================================================================== shared issuance helpers

    /// @dev Soulbound by rule: bound to an identity, or a `Locked` tier or channel (check-in aside).
    function _lockedWord(uint256 word) internal view returns (bool) {
        return word & P.BOUND != 0 || word.effectiveMode(_tierWord(word.tierId())) == TransferMode.Locked;
    }

    /// @dev True when freshly minted words like `word` are soulbound (ERC-5192 `Locked` at mint).
    function _startsLocked(uint256 word) internal view returns (bool) {
        return word.effectiveMode(_tierWord(word.tierId())) == TransferMode.Locked;
    }

    /// @dev Writes `quantity` consecutive token words for `to` (wallet credited by the caller).
    function _mintRun(address to, uint8 tierId, uint256 firstTokenId, uint256 quantity, uint256 flags) internal {
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        uint256 word = P.newToken(to, tierId, flags);
        bool soulbound = _startsLocked(word);
        unchecked {
            uint256 end = firstTokenId + quantity;
            for (uint256 id = firstTokenId; id < end; ++id) {
                _tokens[id] = word;
                emit Transfer(address(0), to, id);
                if (soulbound) emit Locked(id);
            }
        }
    }

    function _checkMinter() internal view {
        if (msg.sender != organizer) _checkRole(MINTER_ROLE);
    }

    function _checkBatch(uint256 n) internal pure {
        if (n == 0) revert EventTicketEmptyBatch();
        if (n > MAX_BATCH) revert EventTicketBatchTooLarge(n, MAX_BATCH);
    }

    /// @dev Reads the state word and refuses when the event is cancelled.
    function _openState() internal view returns (uint256 state) {
        state = _state;
        if (state & P.CANCELLED != 0) revert EventTicketCancelled();
    }

    /// @dev General-admission issuance only: a reserved tier sells seats by number (`buySeats`).
    function _checkSupply(uint256 state, uint8 tierId, uint256 n) internal view {
        uint256 t = _tierWord(tierId);
        if (t.reserved()) revert EventTicketSeatsRequired(tierId);
        uint256 supply = t.supply();
        uint256 minted = state.tierMinted(tierId);
        if (minted + n > supply) revert EventTicketSoldOut(tierId, n, supply - minted);
    }

    /// @dev Public sale (buy, claim, seats) stays within the public quota: the channels module's rule.
    function _checkPublicQuota(uint256 total, uint256 n) internal view virtual;

    /// @dev Tier rules live in immutables: reading them costs no storage access.
    function _tierWord(uint256 tierId) internal view returns (uint256) {
        if (tierId >= tierCount) revert EventTicketUnknownTier(tierId);
        if (tierId < 4) {
            if (tierId < 2) return tierId == 0 ? _tier0 : _tier1;
            return tierId == 2 ? _tier2 : _tier3;
        }
        if (tierId < 6) return tierId == 4 ? _tier4 : _tier5;
        return tierId == 6 ? _tier6 : _tier7;
    }
}
