// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC721Utils} from "@openzeppelin/contracts/token/ERC721/utils/ERC721Utils.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {TicketRules} from "./TicketRules.sol";
import {TokenPayments} from "../libraries/TokenPayments.sol";
import {TicketPacking as P} from "../libraries/TicketPacking.sol";

/// @title TicketSales
/// @notice Primary sale at face value into escrow (native coin or the event's ERC-20, with or without a
/// permit), cancellation, refunds and the organizer's withdrawal after the event.
abstract contract TicketSales is TicketRules, ReentrancyGuardTransient {
    using P for uint256;

    /// @notice Face value held for primary sales not yet refunded or withdrawn (in `currency`).
    uint256 public escrowBalance;
    /// @dev Refund right of a ticket recovered while paid: the wallet it was recovered from (`refundHolder`).
    mapping(uint256 tokenId => address) internal _detachedRefund;

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

    // ================================================================== cancellation and escrow

    /// @notice Admin cancels the event before it ends: sales, mints and check-ins stop, the market
    /// stops trading, and holders of paid tickets can `refund`.
    function cancelEvent() external onlyRole(DEFAULT_ADMIN_ROLE) {
        uint256 state = _state;
        if (state & P.CANCELLED != 0) revert EventTicketCancelled();
        if (block.timestamp >= endTime) revert EventTicketEventOver();
        _state = state | P.CANCELLED;
        emit EventCancelled(uint64(block.timestamp));
        // ERC-4906: every ticket's status changed.
        emit BatchMetadataUpdate(0, type(uint256).max);
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

    // ================================================================== escrow views

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

    // ================================================================== internals

    function _buy(uint8 tierId, uint256 quantity) internal returns (uint256 firstTokenId) {
        if (_tierWord(tierId).voucherOnly()) revert EventTicketVoucherOnlyTier(tierId);
        firstTokenId = _sell(msg.sender, tierId, quantity, P.PAID);
        _checkReceived(msg.sender, firstTokenId, quantity);
    }

    /// @dev Primary sale path shared by `buy` and `claim`: open event, supply, payment, caps, escrow.
    function _sell(address to, uint8 tierId, uint256 quantity, uint256 flags) internal returns (uint256 firstTokenId) {
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

    /// @dev ERC-721 receiver checks for contract recipients of a primary sale, after all effects.
    function _checkReceived(address to, uint256 firstTokenId, uint256 quantity) internal {
        if (to.code.length == 0) return;
        for (uint256 i; i < quantity; ++i) {
            ERC721Utils.checkOnERC721Received(msg.sender, address(0), to, firstTokenId + i, "");
        }
    }

    /// @dev Takes `price` from the caller: exactly `msg.value` for the native coin; for an ERC-20, no
    /// native coin and exactly `price` received (a fee-on-transfer token is refused).
    function _collect(uint256 price) internal {
        address token = currency;
        if (token == address(0)) {
            if (msg.value != price) revert EventTicketWrongPayment(price, msg.value);
            return;
        }
        if (msg.value != 0) revert EventTicketUnexpectedValue(msg.value);
        if (!TokenPayments.pullExact(token, msg.sender, price)) revert EventTicketUnsupportedToken(token);
    }

    function _send(address to, uint256 amount) internal {
        address token = currency;
        if (token != address(0)) return TokenPayments.send(token, to, amount);
        (bool ok,) = to.call{value: amount}("");
        if (!ok) revert EventTicketPaymentFailed(to, amount);
    }
}
