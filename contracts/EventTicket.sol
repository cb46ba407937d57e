// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721} from "@openzeppelin/contracts/token/ERC721/IERC721.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {IERC721Metadata} from "@openzeppelin/contracts/token/ERC721/extensions/IERC721Metadata.sol";
import {IERC721Errors} from "@openzeppelin/contracts/interfaces/draft-IERC6093.sol";
import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {IERC2981} from "@openzeppelin/contracts/interfaces/IERC2981.sol";
import {AccessControl} from "@openzeppelin/contracts/access/AccessControl.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {TokenPayments} from "./libraries/TokenPayments.sol";

import {IEventTicket} from "./interfaces/IEventTicket.sol";
import {IERC5192} from "./interfaces/IERC5192.sol";
import {EventConfig, SaleBlock, SaleTerms, TierConfig, TransferMode, Voucher} from "./interfaces/ITicketTypes.sol";
import {TicketPacking as P} from "./libraries/TicketPacking.sol";

/// @title EventTicket
/// @notice One ERC-721 collection per event, with the whole ticket rule set enforced on chain:
/// tiers (face value, supply, zones, transfer mode, resale cap), a transfer lock window, a per-wallet
/// cap, ERC-2981 royalty, primary sale into escrow, EIP-712 vouchers with per-identity caps,
/// batched check-in, cancellation with refunds, and organizer recovery of lost wallets.
/// @dev ERC-721 (OpenZeppelin 5 interface and ERC-6093 errors) over packed storage: owner, tier and
/// flags share one word per token; balance and purchases share one word per wallet; tier rules
/// and event rules are immutables. Every ownership change goes through `_update`, the single
/// place where transfer policy lives. Token ids are sequential from 1; reserved seats have ids above 2^32 (`seatTokenId`).
contract EventTicket is IERC721Metadata, IERC721Errors, IERC2981, IERC5192, IEventTicket, AccessControl, EIP712, ReentrancyGuardTransient {
    using P for uint256;

    bytes32 public constant MINTER_ROLE = keccak256("MINTER_ROLE");
    bytes32 public constant GATE_ROLE = keccak256("GATE_ROLE");
    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint8 tier,uint16 quantity,bytes32 identityCommitment,bytes32 nonce,uint64 deadline)"
    );

    bytes32 internal constant BINDING_TYPEHASH =
        keccak256("IdentityBinding(uint256 tokenId,address holder,bytes32 identityCommitment)");
    /// @notice Channel of organizer mints that name none (`mintBatch`, `mintTier(tier, to)`, `mintTo(tier, to, n)`).
    uint8 internal constant ORGANIZER_CHANNEL = 4;

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
    string private _name;
    string private _symbol;
    mapping(uint256 tokenId => uint256) private _tokens;
    mapping(address wallet => uint256) private _wallets;
    mapping(uint256 tokenId => address) private _tokenApprovals;
    mapping(address owner => mapping(address operator => bool)) private _operatorApprovals;
    uint256 private _state;

    /// @notice Face value held for primary sales not yet refunded or withdrawn (in `currency`).
    uint256 public escrowBalance;
    /// @notice Signer of EIP-712 vouchers (EOA or ERC-1271 contract).
    address public voucherSigner;
    mapping(bytes32 nonce => bool) public voucherUsed;
    /// @notice Voucher tickets issued per identity commitment.
    mapping(bytes32 identityCommitment => uint256) public identityMinted;
    /// @notice Identity commitment bound to a voucher ticket (zero when none).
    mapping(uint256 tokenId => bytes32) public identityOf;

    // ------------------------------------------------------------------ storage: channels and binding
    /// @dev Public quota, configured flag, minted per non-public channel (layout in TicketPacking).
    uint256 private _channels;
    /// @dev Quota, transfer mode and defined flag of channels 1..7; read only by organizer mints.
    uint256 private _channelRules;
    /// @notice Per tier, 32 bits: identity binding required by `startTime - seconds` (0 = not required).
    uint256 public identityDeadlines;
    /// @dev Refund right of a ticket recovered while paid: the wallet it was recovered from (`refundHolder`).
    mapping(uint256 tokenId => address) private _detachedRefund;

    constructor(address organizer_, address market_, EventConfig memory cfg, TierConfig[] memory tiers)
        EIP712("Fairgate EventTicket", "1")
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
        _name = cfg.name;
        _symbol = cfg.symbol;
        voucherSigner = cfg.voucherSigner;

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
        if (cfg.voucherSigner != address(0)) emit VoucherSignerChanged(cfg.voucherSigner);
    }

    // ================================================================== ERC-721 views

    /// @inheritdoc IERC721Metadata
    function name() external view returns (string memory) {
        return _name;
    }

    /// @inheritdoc IERC721Metadata
    function symbol() external view returns (string memory) {
        return _symbol;
    }

    /// @inheritdoc IERC721Metadata
    /// @dev Metadata is served off chain by the indexer; the URI is empty.
    function tokenURI(uint256 tokenId) external view returns (string memory) {
        _requireOwned(tokenId);
        return "";
    }

    /// @inheritdoc IERC721
    function balanceOf(address owner) external view returns (uint256) {
        if (owner == address(0)) revert ERC721InvalidOwner(address(0));
        return _wallets[owner] & P.BALANCE_MASK;
    }

    /// @inheritdoc IERC721
    function ownerOf(uint256 tokenId) external view returns (address) {
        return _requireOwned(tokenId);
    }

    /// @inheritdoc IERC721
    function getApproved(uint256 tokenId) external view returns (address) {
        _requireOwned(tokenId);
        return _tokens[tokenId] & P.APPROVED == 0 ? address(0) : _tokenApprovals[tokenId];
    }

    /// @inheritdoc IERC721
    function isApprovedForAll(address owner, address operator) public view returns (bool) {
        return _operatorApprovals[owner][operator];
    }

    // ================================================================== ERC-721 actions

    /// @inheritdoc IERC721
    /// @dev `Locked` tickets take no approval; `MarketOnly` tickets only the official market.
    function approve(address to, uint256 tokenId) external {
        uint256 word = _tokens[tokenId];
        address owner = word.owner();
        if (owner == address(0)) revert ERC721NonexistentToken(tokenId);
        if (msg.sender != owner && !_operatorApprovals[owner][msg.sender]) revert ERC721InvalidApprover(msg.sender);
        if (to != address(0)) {
            TransferMode mode = word.effectiveMode(_tierWord(word.tierId()));
            if (mode == TransferMode.Locked || word & P.BOUND != 0 || (mode == TransferMode.MarketOnly && to != market)) {
                revert EventTicketApprovalNotAllowed(tokenId, to);
            }
            _tokens[tokenId] = word | P.APPROVED;
        } else if (word & P.APPROVED != 0) {
            _tokens[tokenId] = word & ~P.APPROVED;
        }
        _tokenApprovals[tokenId] = to;
        emit Approval(owner, to, tokenId);
    }

    /// @inheritdoc IERC721
    /// @dev When any tier is `Locked` or `MarketOnly`, the only operator allowed is the official market.
    function setApprovalForAll(address operator, bool approved) external {
        if (operator == address(0)) revert ERC721InvalidOperator(operator);
        if (approved && _operatorsRestricted && operator != market) revert EventTicketOperatorNotAllowed(operator);
        _operatorApprovals[msg.sender][operator] = approved;
        emit ApprovalForAll(msg.sender, operator, approved);
    }

    /// @inheritdoc IERC721
    function transferFrom(address from, address to, uint256 tokenId) public {
        address previousOwner = _update(to, tokenId, msg.sender, false);
        if (previousOwner != from) revert ERC721IncorrectOwner(from, tokenId, previousOwner);
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId) external {
        safeTransferFrom(from, to, tokenId, "");
    }

    /// @inheritdoc IERC721
    function safeTransferFrom(address from, address to, uint256 tokenId, bytes memory data) public {
        transferFrom(from, to, tokenId);
        ERC721Utils.checkOnERC721Received(msg.sender, from, to, tokenId, data);
    }

    // ================================================================== issuance

    /// @notice Organizer/minter mints one tier-0 ticket to each address in `to` (complimentary:
    /// nothing enters escrow, so these tickets are not refundable).
    /// @return firstTokenId The id minted to `to[0]`; the rest follow consecutively.
    function mintBatch(address[] calldata to) external returns (uint256 firstTokenId) {
        return mintTier(0, ORGANIZER_CHANNEL, to);
    }

    /// @notice `mintTier` through the organizer channel (4).
    function mintTier(uint8 tierId, address[] calldata to) external returns (uint256 firstTokenId) {
        return mintTier(tierId, ORGANIZER_CHANNEL, to);
    }

    /// @notice Organizer/minter mints one `tier` ticket to each address in `to`, in order, issued
    /// through allocation `channel` (1..7, within its quota). Consecutive equal addresses share one
    /// wallet update. Complimentary: not refundable.
    /// @return firstTokenId The id minted to `to[0]`.
    function mintTier(uint8 tierId, uint8 channel, address[] calldata to) public returns (uint256 firstTokenId) {
        _checkMinter();
        uint256 n = to.length;
        _checkBatch(n);
        uint256 state = _openState();
        firstTokenId = state.totalMinted() + 1;
        _checkSupply(state, tierId, n);
        uint256 base = P.newToken(address(0), tierId, _takeChannel(channel, firstTokenId, n));
        bool soulbound = _startsLocked(base);
        address run = to[0];
        uint256 runLength;
        unchecked {
            for (uint256 i; i < n; ++i) {
                address a = to[i];
                if (a != run) {
                    _creditWallet(run, runLength, 0);
                    (run, runLength) = (a, 0);
                }
                uint256 id = firstTokenId + i;
                _tokens[id] = base | uint160(a);
                emit Transfer(address(0), a, id);
                if (soulbound) emit Locked(id);
                ++runLength;
            }
        }
        _creditWallet(run, runLength, 0);
        _state = state.addMinted(tierId, n);
        emit TicketsMinted(tierId, firstTokenId, n);
    }

    /// @notice `mintTo` through the organizer channel (4).
    function mintTo(uint8 tierId, address to, uint256 quantity) external returns (uint256 firstTokenId) {
        return mintTo(tierId, ORGANIZER_CHANNEL, to, quantity);
    }

    /// @notice Organizer/minter mints `quantity` `tier` tickets to one wallet through `channel`. Complimentary.
    /// @return firstTokenId The first id minted.
    function mintTo(uint8 tierId, uint8 channel, address to, uint256 quantity) public returns (uint256 firstTokenId) {
        _checkMinter();
        _checkBatch(quantity);
        uint256 state = _openState();
        firstTokenId = state.totalMinted() + 1;
        _checkSupply(state, tierId, quantity);
        _mintRun(to, tierId, firstTokenId, quantity, _takeChannel(channel, firstTokenId, quantity));
        _creditWallet(to, quantity, 0);
        _state = state.addMinted(tierId, quantity);
        emit TicketsMinted(tierId, firstTokenId, quantity);
    }

    /// @notice Primary sale at face value: `quantity` tickets of a public tier to the caller. The
    /// payment (native coin as `msg.value`, or the ERC-20 `currency` pulled with an allowance) stays
    /// in escrow until the event ends (or is refunded on cancellation). Limited by `maxPerWallet` on
    /// both purchases and balance.
    /// @return firstTokenId The first id bought.
    function buy(uint8 tierId, uint256 quantity) external payable nonReentrant returns (uint256 firstTokenId) {
        return _buy(tierId, quantity);
    }

    /// @notice `buy` for an ERC-20-priced event, approving the price with an EIP-2612 permit signed by
    /// the caller: one signature and one transaction. A permit that fails while the allowance already
    /// covers the price (someone submitted it first) does not block the purchase.
    /// @return firstTokenId The first id bought.
    function buyWithPermit(uint8 tierId, uint256 quantity, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        external
        nonReentrant
        returns (uint256 firstTokenId)
    {
        address token = currency;
        if (token == address(0)) revert EventTicketNativeCurrency();
        _checkBatch(quantity);
        if (!TokenPayments.permit(token, msg.sender, _tierWord(tierId).faceValue() * quantity, deadline, v, r, s)) {
            revert EventTicketPermitFailed(token);
        }
        return _buy(tierId, quantity);
    }

    /// @notice Primary sale of reserved seats at face value, one transaction for a group: seat `s` of
    /// a reserved tier becomes token `seatTokenId(tierId, s)`. Same payment, escrow, wallet cap and
    /// public quota as `buy`. A seat exists once: of two buyers racing for it, the second reverts with
    /// `EventTicketSeatTaken` and pays nothing.
    /// @return price The total paid.
    function buySeats(uint8 tierId, uint32[] calldata seats) external payable nonReentrant returns (uint256 price) {
        uint256 t = _tierWord(tierId);
        if (!t.reserved()) revert EventTicketNotReserved(tierId);
        uint256 n = seats.length;
        _checkBatch(n);
        if (block.timestamp >= endTime) revert EventTicketSaleClosed();
        uint256 state = _openState();
        _checkPublicQuota(state.totalMinted() + state.seatsSold(), n);
        price = t.faceValue() * n;
        uint256 word = P.newToken(msg.sender, tierId, P.PAID);
        bool soulbound = _startsLocked(word);
        uint256 supply = t.supply();
        uint256 base = P.SEAT_ID_BASE | (uint256(tierId) << 24);
        for (uint256 i; i < n; ++i) {
            uint32 seat = seats[i];
            if (seat >= supply) revert EventTicketUnknownSeat(tierId, seat);
            uint256 id = base | seat;
            if (_tokens[id] != 0) revert EventTicketSeatTaken(tierId, seat);
            _tokens[id] = word;
            emit Transfer(address(0), msg.sender, id);
            if (soulbound) emit Locked(id);
        }
        _creditWallet(msg.sender, n, n);
        _state = state.addSeats(tierId, n);
        escrowBalance += price;
        emit SeatsPurchased(msg.sender, tierId, seats, price);
        // Payment last: a token that calls back finds the sale complete, and nothing it changes is overwritten.
        _collect(price);
        if (msg.sender.code.length != 0) {
            for (uint256 i; i < n; ++i) {
                ERC721Utils.checkOnERC721Received(msg.sender, address(0), msg.sender, base | seats[i], "");
            }
        }
    }

    /// @notice Token id of seat `seat` of reserved tier `tierId` (lib/seating computes the same).
    function seatTokenId(uint8 tierId, uint32 seat) external pure returns (uint256) {
        return P.SEAT_ID_BASE | (uint256(tierId) << 24) | seat;
    }

    /// @notice Redeems an organizer-signed EIP-712 voucher: single use, before its deadline, within the
    /// per-identity cap. The caller pays face value; tickets go to `v.to` and carry the identity commitment.
    /// @return firstTokenId The first id minted.
    function claim(Voucher calldata v, bytes calldata signature)
        external
        payable
        nonReentrant
        returns (uint256 firstTokenId)
    {
        if (block.timestamp > v.deadline) revert EventTicketVoucherExpired(v.deadline);
        if (voucherUsed[v.nonce]) revert EventTicketVoucherUsed(v.nonce);
        address signer = voucherSigner;
        if (signer == address(0) || !SignatureChecker.isValidSignatureNow(signer, hashVoucher(v), signature)) {
            revert EventTicketVoucherInvalidSignature();
        }
        voucherUsed[v.nonce] = true;
        bytes32 identity = v.identityCommitment;
        uint256 flags = P.PAID;
        if (identity != bytes32(0)) {
            uint256 used = identityMinted[identity] + v.quantity;
            if (maxPerIdentity != 0 && used > maxPerIdentity) {
                revert EventTicketIdentityCapExceeded(identity, maxPerIdentity);
            }
            identityMinted[identity] = used;
            flags |= P.HAS_IDENTITY;
        }
        if (identity != bytes32(0)) {
            // Written before `_sell` pulls the payment: no effect follows an interaction.
            uint256 first = _state.totalMinted() + 1;
            for (uint256 i; i < v.quantity; ++i) {
                identityOf[first + i] = identity;
            }
        }
        firstTokenId = _sell(v.to, v.tier, v.quantity, flags);
        emit VoucherRedeemed(v.nonce, identity, v.to, firstTokenId, v.quantity);
        _checkReceived(v.to, firstTokenId, v.quantity);
    }

    /// @notice EIP-712 digest of a voucher, for signers and tests.
    function hashVoucher(Voucher calldata v) public view returns (bytes32) {
        return _hashTypedDataV4(
            keccak256(abi.encode(VOUCHER_TYPEHASH, v.to, v.tier, v.quantity, v.identityCommitment, v.nonce, v.deadline))
        );
    }

    /// @notice Admin sets the voucher signer (zero disables vouchers).
    function setVoucherSigner(address signer) external onlyRole(DEFAULT_ADMIN_ROLE) {
        voucherSigner = signer;
        emit VoucherSignerChanged(signer);
    }

    // ================================================================== check-in

    /// @notice Gate role records admission of a batch of tickets. A checked-in ticket never moves again.
    /// @dev Ids already checked in are skipped (no event): a gate batcher that retries a batch after a
    /// crash, or two batchers racing, can never get stuck on a revert. `CheckedIn` fires once per ticket.
    function checkIn(uint256[] calldata tokenIds) external onlyRole(GATE_ROLE) {
        uint256 n = tokenIds.length;
        _checkBatch(n);
        if (_state & P.CANCELLED != 0) revert EventTicketCancelled();
        for (uint256 i; i < n; ++i) {
            uint256 id = tokenIds[i];
            uint256 word = _tokens[id];
            if (word == 0) revert ERC721NonexistentToken(id);
            if (word & P.CHECKED_IN != 0) continue;
            _tokens[id] = word | P.CHECKED_IN;
            emit CheckedIn(id, msg.sender);
            // ERC-5192: a used ticket never moves again.
            if (!_lockedWord(word)) emit Locked(id);
        }
    }

    // ================================================================== lost wallets

    /// @notice Admin moves a ticket out of a lost wallet, whatever the tier's transfer mode or the
    /// lock window, until the event is cancelled. A ticket bound to an identity moves only with the
    /// matching commitment. Recovery moves the ticket, never the money: the refund right of a paid
    /// ticket stays with the wallet it was recovered from (`refundHolder`), so an organizer cannot
    /// recover fans' tickets to itself and refund their escrow.
    function recoverTicket(uint256 tokenId, address to, bytes32 identityCommitment)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        if (_state & P.CANCELLED != 0) revert EventTicketCancelled();
        uint256 word = _tokens[tokenId];
        if (word & P.HAS_IDENTITY != 0 && identityOf[tokenId] != identityCommitment) {
            revert EventTicketIdentityMismatch(tokenId);
        }
        address from = _update(to, tokenId, address(0), true);
        if (word & (P.PAID | P.REFUNDED | P.DETACHED) == P.PAID) {
            _detachedRefund[tokenId] = from;
            _tokens[tokenId] |= P.DETACHED;
        }
        emit TicketRecovered(tokenId, from, to);
    }

    // ================================================================== allocation channels

    /// @notice Admin sets the allocation channels and the real-name deadlines, once, before the first
    /// ticket is minted (`EventTicketSetupClosed` after). `channelRules` holds 32 bits per channel c at
    /// 32·c: quota (24 bits), transfer mode (2 bits, can only tighten the tier's), defined (bit 26).
    /// Channel 0 is the public sale: quota only (undefined = unlimited); channels 1..7 not defined are
    /// closed to organizer mints. `identityDeadlines` holds 32 bits per tier: seconds before `startTime`
    /// by which its tickets must be bound to an identity (0 = no binding). Without this call (or with
    /// `channelRules` 0) every channel 1..7 is open without quota. Encoder: lib/channels.
    function configureRules(uint256 channelRules, uint256 identityDeadlines_, bytes16[8] calldata names)
        external
        onlyRole(DEFAULT_ADMIN_ROLE)
    {
        uint256 state = _state;
        if (state.totalMinted() + state.seatsSold() != 0) revert EventTicketSetupClosed();
        uint256 channels = P.CHANNELS_CONFIGURED | P.QUOTA_MASK;
        for (uint256 c; c < P.MAX_CHANNELS; ++c) {
            uint256 rule = channelRules >> (32 * c);
            uint256 mode = (rule >> 24) & 3;
            if (mode > uint8(TransferMode.Locked) || (c == 0 && mode != 0)) revert EventTicketBadConfig();
            if (rule & P.CHANNEL_DEFINED == 0) continue;
            if (c == 0) channels = P.CHANNELS_CONFIGURED | (rule & P.QUOTA_MASK);
            emit ChannelConfigured(uint8(c), uint24(rule), TransferMode(mode), names[c]);
        }
        // Every tier, zeros included: a second call before the first mint fully replaces the first for indexers.
        for (uint256 t; t < tierCount; ++t) {
            emit IdentityDeadlineSet(uint8(t), uint32(identityDeadlines_ >> (32 * t)));
        }
        // channelRules 0: channels unused (stay open), only the deadlines are set.
        if (channelRules != 0) (_channels, _channelRules) = (channels, channelRules);
        identityDeadlines = identityDeadlines_;
        _state = identityDeadlines_ != 0 ? state | P.DEADLINES : state & ~P.DEADLINES;
    }

    /// @notice Channel a ticket was issued through (0 public sale, 1 sponsor, 2 staff, 3 artist, 4 organizer, 5..7 custom).
    function channelOf(uint256 tokenId) external view returns (uint8) {
        return _requireWord(tokenId).channel();
    }

    /// @notice The packed channel words (layout in TicketPacking; decoded by lib/channels for apps):
    /// public quota, configured flag and minted per channel 1..7; quota, mode and defined flag of 1..7.
    function channelWords() external view returns (uint256 channels, uint256 rules) {
        return (_channels, _channelRules);
    }

    /// @dev Counts `n` organizer-minted tickets against `channel` and returns the token-word bits
    /// (channel id and channel transfer mode) the new tickets carry.
    function _takeChannel(uint8 channel, uint256 firstTokenId, uint256 n) private returns (uint256 bits) {
        if (channel == 0 || channel >= P.MAX_CHANNELS) revert EventTicketUnknownChannel(channel);
        uint256 channels = _channels;
        uint256 shift = 32 * channel;
        uint256 minted = (channels >> shift) & P.MINTED_MASK;
        bits = uint256(channel) << P.CHANNEL_SHIFT;
        if (channels & P.CHANNELS_CONFIGURED != 0) {
            uint256 rule = _channelRules >> shift;
            if (rule & P.CHANNEL_DEFINED == 0) revert EventTicketUnknownChannel(channel);
            uint256 quota = rule & P.QUOTA_MASK;
            if (minted + n > quota) revert EventTicketChannelQuotaExceeded(channel, n, quota - minted);
            bits |= ((rule >> 24) & 3) << P.CHANNEL_MODE_SHIFT;
        }
        _channels = channels + (n << shift);
        emit ChannelMinted(channel, firstTokenId, n);
    }

    /// @dev Public sale (buy/claim) stays within the public quota once channels are configured.
    function _checkPublicQuota(uint256 total, uint256 n) private view {
        uint256 channels = _channels;
        if (channels & P.CHANNELS_CONFIGURED == 0) return;
        uint256 sold = total - channels.nonPublicMinted();
        uint256 quota = channels & P.QUOTA_MASK;
        if (sold + n > quota) revert EventTicketChannelQuotaExceeded(0, n, quota - sold);
    }

    // ================================================================== real-name binding

    /// @dev Unix time by which tickets of `tierId` must be bound; 0 when the tier needs no binding.
    function _bindingDeadline(uint8 tierId) private view returns (uint64) {
        uint256 secs = uint32(identityDeadlines >> (32 * uint256(tierId)));
        if (secs == 0) return 0;
        return secs >= startTime ? 1 : uint64(startTime - secs);
    }

    /// @notice Binds a ticket to `identityCommitment` (HMAC of the holder's ID, computed by the identity
    /// service) with the voucher signer's EIP-712 `IdentityBinding` for this token and its current holder.
    /// Only the holder submits it (so a signature obtained with someone else's ID cannot be pushed onto
    /// another holder's ticket). Once per ticket, until the tier's deadline; afterwards the ticket
    /// moves only by `recoverTicket` with the same commitment, and the market cannot list it (`locked`).
    function bindIdentity(uint256 tokenId, bytes32 identityCommitment, bytes calldata signature) external {
        uint256 word = _requireWord(tokenId);
        if (word & P.BOUND != 0) revert EventTicketIdentityBound(tokenId);
        uint8 tierId = word.tierId();
        uint64 deadline = _bindingDeadline(tierId);
        if (deadline == 0) revert EventTicketBindingNotRequired(tierId);
        if (block.timestamp > deadline) revert EventTicketBindingClosed(deadline);
        address holder = word.owner();
        if (msg.sender != holder) revert EventTicketNotTicketOwner(tokenId, msg.sender);
        address signer = voucherSigner;
        if (
            identityCommitment == bytes32(0) || signer == address(0)
                || !SignatureChecker.isValidSignatureNow(
                    signer,
                    _hashTypedDataV4(keccak256(abi.encode(BINDING_TYPEHASH, tokenId, holder, identityCommitment))),
                    signature
                )
        ) revert EventTicketBindingInvalidSignature();
        _tokens[tokenId] = word | P.BOUND | P.HAS_IDENTITY;
        identityOf[tokenId] = identityCommitment;
        emit IdentityBound(tokenId, holder, identityCommitment);
        if (!_lockedWord(word)) emit Locked(tokenId);
    }

    /// @notice True once the ticket is bound to an identity (`bindIdentity`).
    function isBound(uint256 tokenId) external view returns (bool) {
        return _requireWord(tokenId) & P.BOUND != 0;
    }

    // ================================================================== cancellation and escrow

    /// @notice Admin cancels the event before it ends: sales, mints and check-ins stop, the market
    /// stops trading, and holders of paid tickets can `refund`.
    function cancelEvent() external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 state = _state;
        if (state & P.CANCELLED != 0) revert EventTicketCancelled();
        if (block.timestamp >= endTime) revert EventTicketEventOver();
        _state = state | P.CANCELLED;
        emit EventCancelled(uint64(block.timestamp));
    }

    /// @notice After cancellation, the refund holder of each listed ticket (`refundHolder`: its holder,
    /// or the wallet it was recovered from) reclaims its face value, once per ticket. Only tickets sold
    /// at face value (sale, voucher or seat) hold escrow. No deadline: unclaimed escrow stays claimable.
    function refund(uint256[] calldata tokenIds) external returns (uint256 amount) {
        return refundTo(tokenIds, msg.sender);
    }

    /// @notice `refund`, paid to `to`: for a holder the currency refuses (a blocklisted stablecoin
    /// address) or a contract wallet that cannot take the native coin.
    function refundTo(uint256[] calldata tokenIds, address to) public nonReentrant returns (uint256 amount) {
        if (_state & P.CANCELLED == 0) revert EventTicketNotCancelled();
        uint256 n = tokenIds.length;
        _checkBatch(n);
        for (uint256 i; i < n; ++i) {
            uint256 id = tokenIds[i];
            uint256 word = _tokens[id];
            address holder = word & P.DETACHED == 0 ? word.owner() : _detachedRefund[id];
            if (holder != msg.sender) revert EventTicketNotTicketOwner(id, msg.sender);
            if (word & (P.PAID | P.REFUNDED) != P.PAID) revert EventTicketNotRefundable(id);
            _tokens[id] = word | P.REFUNDED;
            uint256 face = _tierWord(word.tierId()).faceValue();
            amount += face;
            emit Refunded(id, msg.sender, face);
        }
        escrowBalance -= amount;
        _send(to, amount);
    }

    /// @notice The wallet that may claim `tokenId`'s face value after a cancellation; zero when none
    /// (complimentary, or already refunded).
    function refundHolder(uint256 tokenId) external view returns (address) {
        uint256 word = _requireWord(tokenId);
        if (word & (P.PAID | P.REFUNDED) != P.PAID) return address(0);
        return word & P.DETACHED == 0 ? word.owner() : _detachedRefund[tokenId];
    }

    /// @notice Admin withdraws the primary-sale escrow once the event has ended uncancelled.
    function withdrawProceeds(address payable to) external nonReentrant onlyRole(DEFAULT_ADMIN_ROLE) {
        if (_state & P.CANCELLED != 0) revert EventTicketCancelled();
        if (block.timestamp < endTime) revert EventTicketEventNotOver();
        uint256 amount = escrowBalance;
        if (amount == 0) revert EventTicketNothingToWithdraw();
        escrowBalance = 0;
        emit ProceedsWithdrawn(to, amount);
        _send(to, amount);
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

    /// @notice True once the ticket's face value was refunded.
    function isRefunded(uint256 tokenId) external view returns (bool) {
        return _requireWord(tokenId) & P.REFUNDED != 0;
    }

    /// @notice True when the ticket's face value sits in escrow (sold, not yet refunded).
    function isPaid(uint256 tokenId) external view returns (bool) {
        return _requireWord(tokenId) & (P.PAID | P.REFUNDED) == P.PAID;
    }

    /// @notice Primary tickets (sale + vouchers) bought by `wallet`.
    function boughtBy(address wallet) external view returns (uint256) {
        return (_wallets[wallet] >> P.BOUGHT_SHIFT) & P.BOUGHT_MASK;
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

    /// @inheritdoc AccessControl
    function supportsInterface(bytes4 interfaceId) public view override(AccessControl, IERC165) returns (bool) {
        return interfaceId == type(IERC721).interfaceId || interfaceId == type(IERC721Metadata).interfaceId
            || interfaceId == type(IERC2981).interfaceId || interfaceId == type(IERC5192).interfaceId
            || super.supportsInterface(interfaceId);
    }

    // ================================================================== internals

    /// @dev The single ownership-change hook. Mints do not pass here (they write fresh words);
    /// burns do not exist. Policy: authorization, check-in freeze, transfer mode, lock window,
    /// per-wallet cap. `recovery` (organizer lost-wallet move) skips mode, window and authorization.
    function _update(address to, uint256 tokenId, address auth, bool recovery) internal returns (address from) {
        uint256 word = _tokens[tokenId];
        from = word.owner();
        if (from == address(0)) revert ERC721NonexistentToken(tokenId);
        if (to == address(0)) revert ERC721InvalidReceiver(address(0));
        if (
            auth != from && !recovery && !_operatorApprovals[from][auth]
                && (word & P.APPROVED == 0 || _tokenApprovals[tokenId] != auth)
        ) revert ERC721InsufficientApproval(auth, tokenId);
        if (word & P.CHECKED_IN != 0) revert EventTicketCheckedIn(tokenId);
        if (!recovery) {
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
        if (word & P.APPROVED != 0) {
            delete _tokenApprovals[tokenId];
            word &= ~P.APPROVED;
        }
        unchecked {
            _wallets[from] -= 1;
        }
        _creditWallet(to, 1, 0);
        _tokens[tokenId] = word.withOwner(to);
        emit Transfer(from, to, tokenId);
    }

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

    /// @dev Soulbound by rule: bound to an identity, or a `Locked` tier or channel (check-in aside).
    function _lockedWord(uint256 word) private view returns (bool) {
        return word & P.BOUND != 0 || word.effectiveMode(_tierWord(word.tierId())) == TransferMode.Locked;
    }

    /// @dev True when freshly minted words like `word` are soulbound (ERC-5192 `Locked` at mint).
    function _startsLocked(uint256 word) private view returns (bool) {
        return word.effectiveMode(_tierWord(word.tierId())) == TransferMode.Locked;
    }

    function _buy(uint8 tierId, uint256 quantity) private returns (uint256 firstTokenId) {
        if (_tierWord(tierId).voucherOnly()) revert EventTicketVoucherOnlyTier(tierId);
        firstTokenId = _sell(msg.sender, tierId, quantity, P.PAID);
        _checkReceived(msg.sender, firstTokenId, quantity);
    }

    /// @dev Primary sale path shared by `buy` and `claim`: open event, supply, payment, caps, escrow.
    function _sell(address to, uint8 tierId, uint256 quantity, uint256 flags) private returns (uint256 firstTokenId) {
        _checkBatch(quantity);
        if (block.timestamp >= endTime) revert EventTicketSaleClosed();
        uint256 state = _openState();
        _checkSupply(state, tierId, quantity);
        _checkPublicQuota(state.totalMinted() + state.seatsSold(), quantity);
        uint256 price = _tierWord(tierId).faceValue() * quantity;
        firstTokenId = state.totalMinted() + 1;
        _mintRun(to, tierId, firstTokenId, quantity, flags);
        _creditWallet(to, quantity, quantity);
        _state = state.addMinted(tierId, quantity);
        escrowBalance += price;
        emit TicketsMinted(tierId, firstTokenId, quantity);
        emit TicketsPurchased(to, firstTokenId, quantity, price);
        // Payment last: a token that calls back finds the sale complete, and nothing it changes is overwritten.
        _collect(price);
    }

    /// @dev Writes `quantity` consecutive token words for `to` (wallet credited by the caller).
    function _mintRun(address to, uint8 tierId, uint256 firstTokenId, uint256 quantity, uint256 flags) private {
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

    /// @dev Adds `n` to a wallet's balance and `bought` to its purchases, enforcing `maxPerWallet` on both.
    function _creditWallet(address wallet, uint256 n, uint256 bought) private {
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

    function _checkMinter() private view {
        if (msg.sender != organizer) _checkRole(MINTER_ROLE);
    }

    function _checkBatch(uint256 n) private pure {
        if (n == 0) revert EventTicketEmptyBatch();
        if (n > MAX_BATCH) revert EventTicketBatchTooLarge(n, MAX_BATCH);
    }

    /// @dev Reads the state word and refuses when the event is cancelled.
    function _openState() private view returns (uint256 state) {
        state = _state;
        if (state & P.CANCELLED != 0) revert EventTicketCancelled();
    }

    /// @dev General-admission issuance only: a reserved tier sells seats by number (`buySeats`).
    function _checkSupply(uint256 state, uint8 tierId, uint256 n) private view {
        uint256 t = _tierWord(tierId);
        if (t.reserved()) revert EventTicketSeatsRequired(tierId);
        uint256 supply = t.supply();
        uint256 minted = state.tierMinted(tierId);
        if (minted + n > supply) revert EventTicketSoldOut(tierId, n, supply - minted);
    }

    /// @dev ERC-721 receiver checks for contract recipients of a primary sale, after all effects.
    function _checkReceived(address to, uint256 firstTokenId, uint256 quantity) private {
        if (to.code.length == 0) return;
        for (uint256 i; i < quantity; ++i) {
            ERC721Utils.checkOnERC721Received(msg.sender, address(0), to, firstTokenId + i, "");
        }
    }

    /// @dev Takes `price` from the caller: exactly `msg.value` for the native coin; for an ERC-20, no
    /// native coin and exactly `price` received (a fee-on-transfer token is refused).
    function _collect(uint256 price) private {
        address token = currency;
        if (token == address(0)) {
            if (msg.value != price) revert EventTicketWrongPayment(price, msg.value);
            return;
        }
        if (msg.value != 0) revert EventTicketUnexpectedValue(msg.value);
        if (!TokenPayments.pullExact(token, msg.sender, price)) revert EventTicketUnsupportedToken(token);
    }

    function _send(address to, uint256 amount) private {
        address token = currency;
        if (token != address(0)) return TokenPayments.send(token, to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert EventTicketPaymentFailed(to, amount);
    }

    function _requireWord(uint256 tokenId) private view returns (uint256 word) {
        word = _tokens[tokenId];
        if (word == 0) revert ERC721NonexistentToken(tokenId);
    }

    function _requireOwned(uint256 tokenId) private view returns (address) {
        return _requireWord(tokenId).owner();
    }

    /// @dev Tier rules live in immutables: reading them costs no storage access.
    function _tierWord(uint256 tierId) private view returns (uint256) {
        if (tierId >= tierCount) revert EventTicketUnknownTier(tierId);
        if (tierId < 4) {
            if (tierId < 2) return tierId == 0 ? _tier0 : _tier1;
            return tierId == 2 ? _tier2 : _tier3;
        }
        if (tierId < 6) return tierId == 4 ? _tier4 : _tier5;
        return tierId == 6 ? _tier6 : _tier7;
    }
}
