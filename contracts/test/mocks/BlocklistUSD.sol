// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MockUSD} from "./MockUSD.sol";

/// MockUSD with a blocklist (as USDC has): transfers to a blocked address revert. Used to prove a
/// payee the token refuses cannot block a resale.
contract BlocklistUSD is MockUSD {
    mapping(address => bool) public blocked;

    error Blocked(address account);

    function setBlocked(address account, bool value) external {
        blocked[account] = value;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (blocked[to]) revert Blocked(to);
        super._update(from, to, value);
    }
}
