// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// Re-entrancy flags kept in transient storage (EIP-1153): they cost a few hundred gas instead of
/// a storage write and vanish at the end of the transaction.
library TransientFlags {
    /// Sets the flag at `slot`; returns false when it was already set.
    function enter(uint256 slot) internal returns (bool entered) {
        assembly ("memory-safe") {
            entered := iszero(tload(slot))
            tstore(slot, 1)
        }
    }

    function exit(uint256 slot) internal {
        assembly ("memory-safe") {
            tstore(slot, 0)
        }
    }
}

/// Global non-reentrancy guard with the revert text of OpenZeppelin's ReentrancyGuard.
abstract contract TransientReentrancyGuard {
    // keccak256("zerog.compute.reentrancy") - 1
    uint256 private constant _GUARD_SLOT = 0x0087a78ef8e2b8245b3b0cd97f5d7d480ce8394bf0184c35b366ef1b1b82a166;

    modifier nonReentrant() {
        require(TransientFlags.enter(_GUARD_SLOT), "ReentrancyGuard: reentrant call");
        _;
        TransientFlags.exit(_GUARD_SLOT);
    }
}
