// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

import {IERC721Receiver} from "@openzeppelin/contracts/token/ERC721/IERC721Receiver.sol";
import {IERC1271} from "@openzeppelin/contracts/interfaces/IERC1271.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";

/// Receives tickets and, once, re-enters `target` with `data` from onERC721Received, recording the revert.
contract ReenteringReceiver is IERC721Receiver {
    address public target;
    bytes public data;
    uint256 public value;
    bool public attempted;
    bool public reentrySucceeded;
    bytes public reentryError;

    function arm(address target_, bytes calldata data_, uint256 value_) external {
        (target, data, value) = (target_, data_, value_);
    }

    function call(address to, bytes calldata data_, uint256 value_) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call{value: value_}(data_);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external returns (bytes4) {
        if (!attempted && target != address(0)) {
            attempted = true;
            (bool ok, bytes memory ret) = target.call{value: value}(data);
            reentrySucceeded = ok;
            reentryError = ret;
        }
        return IERC721Receiver.onERC721Received.selector;
    }

    receive() external payable {}
}

/// A seller or royalty receiver that refuses ETH (or burns all gas when `burn` is set).
contract RefusingReceiver is IERC721Receiver {
    bool public burn;
    bool public accept;

    function setBurn(bool b) external {
        burn = b;
    }

    function setAccept(bool a) external {
        accept = a;
    }

    function call(address to, bytes calldata data_, uint256 value_) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call{value: value_}(data_);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }

    receive() external payable {
        if (accept) return;
        if (burn) {
            while (true) {}
        }
        revert("no thanks");
    }
}

/// A smart-contract wallet signer (ERC-1271) owned by an EOA key.
contract Wallet1271 is IERC1271 {
    address public immutable owner;

    constructor(address owner_) {
        owner = owner_;
    }

    function isValidSignature(bytes32 hash, bytes calldata sig) external view returns (bytes4) {
        (address rec,,) = ECDSA.tryRecover(hash, sig);
        return rec == owner ? IERC1271.isValidSignature.selector : bytes4(0xffffffff);
    }
}

/// Receives ETH and, once, re-enters `target` with `data` from `receive`, recording the outcome.
contract ReenteringPayee is IERC721Receiver {
    address public target;
    bytes public data;
    bool public attempted;
    bool public reentrySucceeded;
    bytes public reentryError;

    function arm(address target_, bytes calldata data_) external {
        (target, data) = (target_, data_);
    }

    function call(address to, bytes calldata data_, uint256 value_) external payable returns (bytes memory) {
        (bool ok, bytes memory ret) = to.call{value: value_}(data_);
        if (!ok) {
            assembly {
                revert(add(ret, 32), mload(ret))
            }
        }
        return ret;
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return IERC721Receiver.onERC721Received.selector;
    }

    receive() external payable {
        if (!attempted && target != address(0)) {
            attempted = true;
            (bool ok, bytes memory ret) = target.call(data);
            reentrySucceeded = ok;
            reentryError = ret;
        }
    }
}
