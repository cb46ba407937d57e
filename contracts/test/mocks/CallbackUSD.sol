// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {MockUSD} from "./MockUSD.sol";

/// MockUSD that calls out once during the next `transferFrom` (as ERC-777 hooks or an upgradeable
/// token could): the payment hook of a sale sees whatever state the sale left at that point.
contract CallbackUSD is MockUSD {
    address public hookTarget;
    bytes public hookData;

    function setHook(address target, bytes calldata data) external {
        (hookTarget, hookData) = (target, data);
    }

    function transferFrom(address from, address to, uint256 value) public override returns (bool) {
        address target = hookTarget;
        if (target != address(0)) {
            hookTarget = address(0);
            (bool ok, bytes memory ret) = target.call(hookData);
            if (!ok) {
                assembly ("memory-safe") {
                    revert(add(ret, 32), mload(ret))
                }
            }
        }
        return super.transferFrom(from, to, value);
    }
}
