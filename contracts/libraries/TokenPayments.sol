// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {IERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/IERC20Permit.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @title TokenPayments
/// @notice ERC-20 payment steps shared by EventTicket, ResaleMarket and Waitlist. Each caller reverts
/// with its own error when a step reports failure, so the error names its contract.
/// @dev SafeERC20 accepts tokens whose transfer functions return no boolean (USDT style).
library TokenPayments {
    using SafeERC20 for IERC20;

    /// @notice Pulls `amount` of `token` from `from` to this contract; false when this contract did not
    /// receive exactly `amount` (a fee-on-transfer or rebasing token), which callers must refuse:
    /// escrow, deposits and refunds are all accounted by amount.
    function pullExact(address token, address from, uint256 amount) internal returns (bool exact) {
        if (amount == 0) return true;
        uint256 before = IERC20(token).balanceOf(address(this));
        IERC20(token).safeTransferFrom(from, address(this), amount);
        return IERC20(token).balanceOf(address(this)) == before + amount;
    }

    /// @notice Applies an EIP-2612 permit from `owner` for this contract; true when the allowance now
    /// covers `amount`. A permit that fails because someone submitted it first (front-running) or
    /// because an earlier approval exists does not block the payment: what counts is the allowance.
    function permit(address token, address owner, uint256 amount, uint256 deadline, uint8 v, bytes32 r, bytes32 s)
        internal
        returns (bool ok)
    {
        try IERC20Permit(token).permit(owner, address(this), amount, deadline, v, r, s) {
            return true;
        } catch {
            return IERC20(token).allowance(owner, address(this)) >= amount;
        }
    }

    /// @notice Sends `amount` of the native coin (`token` zero, all gas) or of `token`; reverts on failure.
    function send(address token, address to, uint256 amount) internal {
        if (amount == 0) return;
        if (token == address(0)) {
            (bool ok,) = to.call{value: amount}("");
            if (!ok) revert NativePaymentFailed(to, amount);
        } else {
            IERC20(token).safeTransfer(to, amount);
        }
    }

    /// @notice Like `send` but never reverts: false when the payee refused (native coin, with at most
    /// `gasLimit` gas) or the token transfer failed (e.g. a blocklisted payee).
    function trySend(address token, address to, uint256 amount, uint256 gasLimit) internal returns (bool ok) {
        if (amount == 0) return true;
        if (token == address(0)) {
            (ok,) = to.call{value: amount, gas: gasLimit}("");
        } else {
            ok = IERC20(token).trySafeTransfer(to, amount);
        }
    }

    error NativePaymentFailed(address to, uint256 amount);
}
