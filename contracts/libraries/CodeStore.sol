// SPDX-License-Identifier: MIT
pragma solidity ^0.8.28;

/// @title CodeStore
/// @notice Keeps a large blob (a contract's creation code) in the runtime code of up to two data
/// contracts and reads it back, so a factory can deploy a contract whose creation code it does not
/// embed. EIP-170 caps each data contract at 24,576 bytes; two of them hold up to 49,150 bytes,
/// about the EIP-3860 initcode limit (49,152) that bounds any creation code anyway.
/// @dev Each data contract's code is 0x00 (STOP, so a call to it does nothing) followed by a chunk.
library CodeStore {
    uint256 internal constant CHUNK = 24_575;

    error CodeStoreTooLarge(uint256 size);
    error CodeStoreWriteFailed();

    /// @notice Writes `data` into one or two new data contracts; `b` is zero when one suffices.
    function write(bytes memory data) internal returns (address a, address b) {
        uint256 n = data.length;
        if (n > 2 * CHUNK) revert CodeStoreTooLarge(n);
        a = _deploy(data, 0, n < CHUNK ? n : CHUNK);
        if (n > CHUNK) b = _deploy(data, CHUNK, n - CHUNK);
    }

    /// @notice The concatenated chunks of `a` and `b` (zero `b`: only `a`), followed by `suffix`.
    function read(address a, address b, bytes memory suffix) internal view returns (bytes memory out) {
        uint256 lenA = a.code.length - 1;
        uint256 lenB = b == address(0) ? 0 : b.code.length - 1;
        uint256 lenS = suffix.length;
        out = new bytes(lenA + lenB + lenS);
        assembly ("memory-safe") {
            let dst := add(out, 0x20)
            extcodecopy(a, dst, 1, lenA)
            if lenB { extcodecopy(b, add(dst, lenA), 1, lenB) }
            mcopy(add(dst, add(lenA, lenB)), add(suffix, 0x20), lenS)
        }
    }

    /// @dev Init code: PUSH4 len, DUP1, PUSH1 14, PUSH1 0, CODECOPY, PUSH1 0, RETURN (14 bytes),
    /// then the runtime code 0x00 ++ data[from:from+len].
    function _deploy(bytes memory data, uint256 from, uint256 len) private returns (address d) {
        bytes memory init = new bytes(14 + 1 + len);
        assembly ("memory-safe") {
            let p := add(init, 0x20)
            // 0x63 len(4 bytes) 0x80 0x60 0x0e 0x60 0x00 0x39 0x60 0x00 0xf3, then 0x00
            mstore(p, or(shl(248, 0x63), or(shl(216, add(len, 1)), shl(144, 0x80600e6000396000f3))))
            mstore8(add(p, 14), 0)
            mcopy(add(p, 15), add(add(data, 0x20), from), len)
            d := create(0, p, mload(init))
        }
        if (d == address(0)) revert CodeStoreWriteFailed();
    }
}
