// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// One-shot initialisation for contracts that live behind a proxy. `initialized` is the public
/// flag of the deployed ABI; `_initializerLocked` is set by the implementation's own constructor
/// so nobody can ever initialise the implementation contract itself.
abstract contract Initializable {
    bool public initialized;
    bool private _initializerLocked;

    event Initialized(uint8 version);

    error AlreadyInitialized();

    modifier initializer() {
        if (initialized || _initializerLocked) revert AlreadyInitialized();
        initialized = true;
        _;
        emit Initialized(1);
    }

    function _lockInitializer() internal {
        _initializerLocked = true;
        emit Initialized(type(uint8).max);
    }
}
