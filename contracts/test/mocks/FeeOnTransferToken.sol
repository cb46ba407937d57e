// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {ERC20Permit} from "@openzeppelin/contracts/token/ERC20/extensions/ERC20Permit.sol";

/// A 6-decimal token that burns 1 % of every transfer (fee on transfer), with permit: the receiver
/// gets less than was sent, so escrow accounting by amount would be short. Fairgate must refuse it.
contract FeeOnTransferToken is ERC20, ERC20Permit {
    uint256 public constant FEE_BPS = 100;
    /// Off, the token behaves normally (so a test can buy at primary, then turn the fee on for resale).
    bool public feeOn = true;

    function setFee(bool on) external {
        feeOn = on;
    }

    constructor() ERC20("Fee USD", "feeUSD") ERC20Permit("Fee USD") {}

    function decimals() public pure override returns (uint8) {
        return 6;
    }

    function mint(address to, uint256 amount) external {
        _mint(to, amount);
    }

    function _update(address from, address to, uint256 value) internal override {
        if (!feeOn || from == address(0) || to == address(0)) return super._update(from, to, value);
        uint256 fee = value * FEE_BPS / 10_000;
        super._update(from, address(0), fee);
        super._update(from, to, value - fee);
    }
}
