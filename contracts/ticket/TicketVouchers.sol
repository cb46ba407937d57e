// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";
import {TicketSales} from "./TicketSales.sol";
import {Voucher} from "../interfaces/ITicketTypes.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// @title TicketVouchers
/// @notice Identity: EIP-712 vouchers (organizer-signed primary sales with per-identity caps), real-name
/// binding of a ticket to an identity commitment, and the organizer's recovery of lost-wallet tickets.
abstract contract TicketVouchers is TicketSales, EIP712 {
    using P for uint256;

    bytes32 public constant VOUCHER_TYPEHASH = keccak256(
        "Voucher(address to,uint8 tier,uint16 quantity,bytes32 identityCommitment,bytes32 nonce,uint64 deadline)"
    );
    bytes32 internal constant BINDING_TYPEHASH =
        keccak256("IdentityBinding(uint256 tokenId,address holder,bytes32 identityCommitment)");

    /// @notice Signer of EIP-712 vouchers (EOA or ERC-1271 contract).
    address public voucherSigner;
    mapping(bytes32 nonce => bool) public voucherUsed;
    /// @notice Voucher tickets issued per identity commitment.
    mapping(bytes32 identityCommitment => uint256) public identityMinted;
    /// @notice Identity commitment bound to a voucher ticket (zero when none).
    mapping(uint256 tokenId => bytes32) public identityOf;

    constructor(address voucherSigner_) EIP712("Fairgate EventTicket", "1") {
        voucherSigner = voucherSigner_;
        if (voucherSigner_ != address(0)) emit VoucherSignerChanged(voucherSigner_);
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
        address from = _update(to, tokenId, address(0));
        if (word & (P.PAID | P.REFUNDED | P.DETACHED) == P.PAID) {
            _detachedRefund[tokenId] = from;
            _tokens[tokenId] |= P.DETACHED;
        }
        emit TicketRecovered(tokenId, from, to);
    }

    // ================================================================== real-name binding

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
        emit MetadataUpdate(tokenId);
    }

    /// @notice True once the ticket is bound to an identity (`bindIdentity`).
    function isBound(uint256 tokenId) external view returns (bool) {
        return _requireWord(tokenId) & P.BOUND != 0;
    }
}
