// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// A pending refund as the ABI shows it. `index` is always its position in the array and
/// `processed` is always false, so neither is stored.
struct Refund {
    uint256 index;
    uint256 amount;
    uint256 createdAt;
    bool processed;
}

/// A user's sub-account with one provider as the ABI shows it. `balance` includes
/// `pendingRefund`; `refunds[0 .. validRefundsLength-1]` are active, later entries are stale.
struct Account {
    address user;
    address provider;
    uint256 nonce;
    uint256 balance;
    uint256 pendingRefund;
    Refund[] refunds;
    string additionalInfo;
    bool acknowledged;
    uint256 validRefundsLength;
    uint256 generation;
    uint256 revokedBitmap;
}

/// Storage of the inference sub-accounts, packed so that settlement reads two words per user and
/// a deposit or refund request touches one, and enumerable in the order an EnumerableSet gives.
library AccountStore {
    uint256 internal constant MAX_REFUNDS = 5;

    struct Record {
        // word 0: everything a deposit, refund or settlement changes
        uint112 balance;
        uint112 pendingRefund;
        bool exists;
        bool acknowledged;
        uint8 validRefunds;
        uint8 refundSlots; // length of the refund array shown by getAccount (active + stale)
        // word 1: last accepted settlement nonce, kept when the account is deleted
        uint256 nonce;
        // word 2: generation is kept when the account is deleted
        address user;
        uint64 generation;
        uint32 userPosition; // 1-based positions in the three lists; 0 when deleted
        // word 3
        address provider;
        uint32 allPosition;
        uint32 providerPosition;
        // word 4
        uint256 revokedBitmap;
        // words 5..9: amount in the low 128 bits, creation time in the high 128 bits
        uint256[MAX_REFUNDS] refunds;
        string additionalInfo;
    }

    struct Accounts {
        mapping(bytes32 => Record) records;
        bytes32[] all;
        mapping(address => bytes32[]) byProvider;
        mapping(address => bytes32[]) byUser;
    }

    error AccountNotExists(address user, address provider);
    error AccountExists(address user, address provider);
    error TooManyRefunds(address user, address provider);

    function key(address user, address provider) internal pure returns (bytes32 k) {
        assembly ("memory-safe") {
            mstore(0x00, user)
            mstore(0x20, provider)
            k := keccak256(0x00, 0x40)
        }
    }

    function record(Accounts storage self, address user, address provider) internal view returns (Record storage) {
        return self.records[key(user, provider)];
    }

    function existing(Accounts storage self, address user, address provider) internal view returns (Record storage r) {
        r = self.records[key(user, provider)];
        if (!r.exists) revert AccountNotExists(user, provider);
    }

    function create(
        Accounts storage self,
        address user,
        address provider,
        uint256 amount,
        string memory additionalInfo
    ) internal {
        bytes32 k = key(user, provider);
        Record storage r = self.records[k];
        if (r.exists) revert AccountExists(user, provider);
        self.all.push(k);
        self.byProvider[provider].push(k);
        self.byUser[user].push(k);
        r.balance = to112(amount);
        r.exists = true;
        r.acknowledged = true;
        r.user = user;
        r.userPosition = uint32(self.byUser[user].length);
        r.provider = provider;
        r.allPosition = uint32(self.all.length);
        r.providerPosition = uint32(self.byProvider[provider].length);
        if (bytes(additionalInfo).length != 0) r.additionalInfo = additionalInfo;
    }

    /// Clears the account but keeps `nonce` and `generation`, so old settlements and session
    /// tokens stay invalid if it is created again. Returns the balance it held.
    function remove(Accounts storage self, address user, address provider) internal returns (uint256 balance) {
        bytes32 k = key(user, provider);
        Record storage r = self.records[k];
        if (!r.exists) return 0;
        balance = r.balance;
        _unlink(self, self.all, r.allPosition, _setAllPosition);
        _unlink(self, self.byProvider[provider], r.providerPosition, _setProviderPosition);
        _unlink(self, self.byUser[user], r.userPosition, _setUserPosition);
        uint256 slots = r.refundSlots;
        for (uint256 i; i < slots; ++i) r.refunds[i] = 0;
        // word 0 goes to zero; positions go to zero while user, provider and generation stay
        r.balance = 0;
        r.pendingRefund = 0;
        r.exists = false;
        r.acknowledged = false;
        r.validRefunds = 0;
        r.refundSlots = 0;
        r.userPosition = 0;
        r.allPosition = 0;
        r.providerPosition = 0;
        r.revokedBitmap = 0;
        if (bytes(r.additionalInfo).length != 0) delete r.additionalInfo;
    }

    /// Adds `amount` and revives up to `revive` of the pending refunds, newest first.
    function deposit(Record storage r, uint256 revive, uint256 amount) internal {
        uint256 pending = r.pendingRefund;
        if (revive != 0 && r.validRefunds != 0) {
            pending -= cancelRefunds(r, revive);
            r.pendingRefund = uint112(pending);
        }
        r.balance = to112(r.balance + amount);
        if (!r.acknowledged) r.acknowledged = true;
    }

    /// Cancels active refunds newest first until `amount` is covered or none is left; a fully
    /// cancelled refund keeps its slot with amount 0. Returns the amount cancelled.
    function cancelRefunds(Record storage r, uint256 amount) internal returns (uint256 cancelled) {
        uint256 remaining = amount;
        uint256 valid = r.validRefunds;
        while (valid != 0 && remaining != 0) {
            uint256 word = r.refunds[valid - 1];
            uint256 refundAmount = uint128(word);
            if (refundAmount <= remaining) {
                remaining -= refundAmount;
                r.refunds[valid - 1] = word ^ refundAmount; // amount 0, time kept
                --valid;
            } else {
                r.refunds[valid - 1] = word - remaining;
                remaining = 0;
            }
        }
        r.validRefunds = uint8(valid);
        return amount - remaining;
    }

    /// Queues everything usable as one new refund. Returns the number of active refunds after.
    function requestRefundAll(Record storage r, address user, address provider) internal returns (uint256 valid) {
        valid = r.validRefunds;
        uint256 balance = r.balance;
        uint256 pending = r.pendingRefund;
        uint256 amount = balance - pending;
        if (amount == 0) return valid;
        if (valid >= MAX_REFUNDS) revert TooManyRefunds(user, provider);
        r.refunds[valid] = amount | (block.timestamp << 128);
        unchecked {
            ++valid;
        }
        r.pendingRefund = uint112(pending + amount);
        r.validRefunds = uint8(valid);
        if (r.refundSlots < valid) r.refundSlots = uint8(valid);
    }

    /// Releases refunds whose lock time has passed, keeping the rest in order at the front.
    function releaseRefunds(Record storage r, uint256 lockTime) internal returns (uint256 released) {
        uint256 valid = r.validRefunds;
        if (valid == 0) return 0;
        uint256 kept;
        uint256 stillPending;
        for (uint256 i; i < valid; ++i) {
            uint256 word = r.refunds[i];
            if (block.timestamp >= (word >> 128) + lockTime) {
                released += uint128(word);
            } else {
                stillPending += uint128(word);
                if (i != kept) r.refunds[kept] = word;
                ++kept;
            }
        }
        r.validRefunds = uint8(kept);
        r.balance -= uint112(released);
        r.pendingRefund = uint112(stillPending);
    }

    function toAccount(Record storage r) internal view returns (Account memory a) {
        uint256 slots = r.refundSlots;
        Refund[] memory refunds = new Refund[](slots);
        for (uint256 i; i < slots; ++i) {
            uint256 word = r.refunds[i];
            refunds[i] = Refund(i, uint128(word), word >> 128, false);
        }
        a = Account(
            r.user,
            r.provider,
            r.nonce,
            r.balance,
            r.pendingRefund,
            refunds,
            r.additionalInfo,
            r.acknowledged,
            r.validRefunds,
            r.generation,
            r.revokedBitmap
        );
    }

    function page(
        Accounts storage self,
        bytes32[] storage keys,
        uint256 offset,
        uint256 limit
    ) internal view returns (Account[] memory accounts, uint256 total) {
        total = keys.length;
        if (offset >= total) return (new Account[](0), total);
        uint256 end = offset + limit;
        if (end > total) end = total;
        accounts = new Account[](end - offset);
        for (uint256 i; i < accounts.length; ++i) accounts[i] = toAccount(self.records[keys[offset + i]]);
    }

    /// Balances are stored in 112 bits (5e15 0G); a larger value is an arithmetic overflow.
    function to112(uint256 value) internal pure returns (uint112) {
        if (value > type(uint112).max) {
            assembly ("memory-safe") {
                mstore(0x00, shl(224, 0x4e487b71))
                mstore(0x04, 0x11)
                revert(0x00, 0x24)
            }
        }
        return uint112(value);
    }

    // Swap-and-pop removal from one of the three lists, fixing the moved account's position.
    function _unlink(
        Accounts storage self,
        bytes32[] storage list,
        uint256 position,
        function(Record storage, uint32) internal setPosition
    ) private {
        uint256 last = list.length;
        if (position != last) {
            bytes32 moved = list[last - 1];
            list[position - 1] = moved;
            setPosition(self.records[moved], uint32(position));
        }
        list.pop();
    }

    function _setAllPosition(Record storage r, uint32 position) private {
        r.allPosition = position;
    }

    function _setProviderPosition(Record storage r, uint32 position) private {
        r.providerPosition = position;
    }

    function _setUserPosition(Record storage r, uint32 position) private {
        r.userPosition = position;
    }
}
