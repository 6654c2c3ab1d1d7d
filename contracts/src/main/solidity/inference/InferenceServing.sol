// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {ERC165} from "@openzeppelin/contracts/utils/introspection/ERC165.sol";
import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {Initializable} from "../utils/Initializable.sol";
import {TransientReentrancyGuard} from "../utils/TransientFlags.sol";
import {IServing, ILedger} from "../interfaces/IServing.sol";
import {Account, Refund, AccountStore} from "./InferenceAccount.sol";
import {Service, ServiceParams, ServiceStore} from "./InferenceService.sol";

/// One user's fees, signed by the provider's TEE key (EIP-712, see SETTLEMENT_TYPEHASH).
struct TEESettlementData {
    address user;
    address provider;
    uint256 totalFee;
    bytes32 requestsHash;
    uint256 nonce;
    bytes signature;
}

enum SettlementStatus {
    SUCCESS,
    PARTIAL,
    PROVIDER_MISMATCH,
    NO_TEE_SIGNER,
    INVALID_NONCE,
    INVALID_SIGNATURE
}

/// Inference sub-accounts (user x provider), provider services with their stake, and TEE-signed
/// fee settlement. Money enters and leaves sub-accounts only through the LedgerManager.
contract InferenceServing is Ownable, Initializable, TransientReentrancyGuard, ERC165, IServing {
    using AccountStore for AccountStore.Accounts;
    using AccountStore for AccountStore.Record;
    using ServiceStore for ServiceStore.Services;

    uint256 public constant MIN_LOCKTIME = 1 hours;
    uint256 public constant MAX_LOCKTIME = 7 days;
    uint256 public constant MIN_PROVIDER_STAKE = 100 ether;

    uint256 private constant _MAX_PAGE = 50;
    uint256 private constant _MAX_SETTLEMENTS = 50;
    uint256 private constant _MAX_BATCH_USERS = 500;

    bytes32 private constant _DOMAIN_TYPEHASH =
        keccak256("EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)");
    bytes32 private constant _SETTLEMENT_TYPEHASH =
        keccak256("TEESettlement(bytes32 requestsHash,uint256 nonce,address provider,address user,uint256 totalFee)");
    bytes32 private constant _NAME_HASH = keccak256("0G Inference Serving");
    bytes32 private constant _VERSION_HASH = keccak256("1");

    // keccak256(abi.encode(uint256(keccak256("0g.serving.inference.v1.0")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _STORAGE = 0xdfd123095cdedb1cecbc229b30f7cf8745fb3d3951645ac4a8fa4c0895f89500;

    /// @custom:storage-location erc7201:0g.serving.inference.v1.0
    struct Layout {
        address ledger;
        uint64 lockTime;
        AccountStore.Accounts accounts;
        ServiceStore.Services services;
        mapping(address => uint256) stakes;
    }

    /// Settlement-time view of the calling provider's service.
    struct Signer {
        bool serviceExists;
        bool usable; // acknowledged by the owner and non-zero
        address signer;
    }

    event BalanceUpdated(address indexed user, address indexed provider, uint256 amount, uint256 pendingRefund);
    event RefundRequested(address indexed user, address indexed provider, uint256 indexed index, uint256 timestamp);
    event ServiceUpdated(
        address indexed service,
        string serviceType,
        string url,
        uint256 inputPrice,
        uint256 outputPrice,
        uint256 updatedAt,
        string model,
        string verifiability
    );
    event ServiceRemoved(address indexed service);
    event TEESettlementResult(address indexed user, SettlementStatus status, uint256 unsettledAmount);
    event BatchBalanceUpdated(address[] users, uint256[] balances, uint256[] pendingRefunds);
    event ProviderTEESignerAcknowledged(address indexed provider, address indexed teeSignerAddress, bool acknowledged);
    event ProviderStaked(address indexed provider, uint256 amount);
    event ProviderStakeReturned(address indexed provider, uint256 amount);
    event TokenRevoked(address indexed user, address indexed provider, uint8 tokenId);
    event TokensRevoked(address indexed user, address indexed provider, uint8[] tokenIds);
    event AllTokensRevoked(address indexed user, address indexed provider, uint256 newGeneration);
    event LockTimeUpdated(uint256 oldLockTime, uint256 newLockTime);
    event ContractInitialized(address indexed owner, uint256 lockTime, address ledgerAddress);
    event AccountDeleted(address indexed user, address indexed provider, uint256 refundedAmount);

    error InvalidTEESignature(string reason);
    error LockTimeOutOfRange(uint256 lockTime, uint256 min, uint256 max);
    error CallerNotLedger(address caller);
    error LimitTooLarge(uint256 limit, uint256 max);
    error InvalidAddress(address addr);
    error TransferFailed();
    error CannotAddStakeWhenUpdating();
    error InsufficientStake(uint256 provided, uint256 required);
    error NoSettlementsProvided();
    error TooManySettlements(uint256 count, uint256 max);
    error ProviderCannotBeUser();
    error DirectDepositsDisabled();
    error BatchSizeTooLarge(uint256 size, uint256 max);
    error CannotRevokeWithNonZeroBalance(address user, address provider, uint256 balance);

    modifier onlyLedger() {
        if (msg.sender != _layout().ledger) revert CallerNotLedger(msg.sender);
        _;
    }

    constructor() {
        _lockInitializer();
    }

    function initialize(uint256 _locktime, address _ledgerAddress, address owner) external initializer {
        _transferOwnership(owner);
        _checkLockTime(_locktime);
        Layout storage $ = _layout();
        $.lockTime = uint64(_locktime);
        $.ledger = _ledgerAddress;
        emit ContractInitialized(owner, _locktime, _ledgerAddress);
    }

    receive() external payable {
        revert DirectDepositsDisabled();
    }

    // ---------------------------------------------------------------- owner

    function updateLockTime(uint256 _locktime) external onlyOwner {
        _checkLockTime(_locktime);
        Layout storage $ = _layout();
        uint256 previous = $.lockTime;
        $.lockTime = uint64(_locktime);
        emit LockTimeUpdated(previous, _locktime);
    }

    function acknowledgeTEESignerByOwner(address provider) external onlyOwner {
        _setSignerAcknowledged(provider, true);
    }

    function revokeTEESignerAcknowledgement(address provider) external onlyOwner {
        _setSignerAcknowledged(provider, false);
    }

    // ---------------------------------------------------------------- ledger (IServing)

    function addAccount(address user, address provider, string calldata additionalInfo) external payable onlyLedger {
        _checkPair(user, provider);
        _layout().accounts.create(user, provider, msg.value, additionalInfo);
        emit BalanceUpdated(user, provider, msg.value, 0);
    }

    function depositFund(address user, address provider, uint256 cancelRetrievingAmount) external payable onlyLedger {
        _checkPair(user, provider);
        AccountStore.Record storage r = _layout().accounts.existing(user, provider);
        r.deposit(cancelRetrievingAmount, msg.value);
        emit BalanceUpdated(user, provider, r.balance, r.pendingRefund);
    }

    function requestRefundAll(address user, address provider) external onlyLedger {
        uint256 valid = _layout().accounts.existing(user, provider).requestRefundAll(user, provider);
        if (valid != 0) emit RefundRequested(user, provider, valid - 1, block.timestamp);
    }

    function processRefund(
        address user,
        address provider
    ) external onlyLedger returns (uint256 totalAmount, uint256 balance, uint256 pendingRefund) {
        Layout storage $ = _layout();
        AccountStore.Record storage r = $.accounts.existing(user, provider);
        totalAmount = r.releaseRefunds($.lockTime);
        balance = r.balance;
        pendingRefund = r.pendingRefund;
        if (totalAmount != 0) {
            emit BalanceUpdated(user, provider, balance, pendingRefund);
            _pay(msg.sender, totalAmount);
        }
    }

    function deleteAccount(address user, address provider) external onlyLedger {
        uint256 balance = _layout().accounts.remove(user, provider);
        emit AccountDeleted(user, provider, balance);
    }

    function accountExists(address user, address provider) external view returns (bool) {
        return _layout().accounts.record(user, provider).exists;
    }

    function getPendingRefund(address user, address provider) external view returns (uint256) {
        return _layout().accounts.existing(user, provider).pendingRefund;
    }

    // ---------------------------------------------------------------- users

    function acknowledgeTEESigner(address provider, bool acknowledged) external {
        AccountStore.Record storage r = _layout().accounts.existing(msg.sender, provider);
        if (r.acknowledged && !acknowledged && r.balance != 0) {
            revert CannotRevokeWithNonZeroBalance(msg.sender, provider, r.balance);
        }
        r.acknowledged = acknowledged;
    }

    function revokeToken(address provider, uint8 tokenId) external {
        AccountStore.Record storage r = _layout().accounts.existing(msg.sender, provider);
        r.revokedBitmap |= uint256(1) << tokenId;
        emit TokenRevoked(msg.sender, provider, tokenId);
    }

    function revokeTokens(address provider, uint8[] calldata tokenIds) external {
        AccountStore.Record storage r = _layout().accounts.existing(msg.sender, provider);
        uint256 bitmap = r.revokedBitmap;
        for (uint256 i; i < tokenIds.length; ++i) bitmap |= uint256(1) << tokenIds[i];
        r.revokedBitmap = bitmap;
        emit TokensRevoked(msg.sender, provider, tokenIds);
    }

    function revokeAllTokens(address provider) external {
        AccountStore.Record storage r = _layout().accounts.existing(msg.sender, provider);
        uint64 generation = r.generation + 1;
        r.generation = generation;
        r.revokedBitmap = 0;
        emit AllTokensRevoked(msg.sender, provider, generation);
    }

    function isTokenRevoked(address user, address provider, uint8 tokenId) external view returns (bool) {
        return (_layout().accounts.existing(user, provider).revokedBitmap >> tokenId) & 1 == 1;
    }

    // ---------------------------------------------------------------- providers

    function addOrUpdateService(ServiceParams calldata params) external payable {
        Layout storage $ = _layout();
        if ($.stakes[msg.sender] != 0) {
            if (msg.value != 0) revert CannotAddStakeWhenUpdating();
        } else {
            if (msg.value < MIN_PROVIDER_STAKE) revert InsufficientStake(msg.value, MIN_PROVIDER_STAKE);
            $.stakes[msg.sender] = msg.value;
            emit ProviderStaked(msg.sender, msg.value);
        }
        $.services.put(msg.sender, params);
        emit ServiceUpdated(
            msg.sender,
            params.serviceType,
            params.url,
            params.inputPrice,
            params.outputPrice,
            block.timestamp,
            params.model,
            params.verifiability
        );
    }

    function removeService() external nonReentrant {
        Layout storage $ = _layout();
        $.services.remove(msg.sender);
        uint256 stake = $.stakes[msg.sender];
        if (stake != 0) {
            $.stakes[msg.sender] = 0;
            emit ProviderStakeReturned(msg.sender, stake);
            emit ServiceRemoved(msg.sender);
            _pay(msg.sender, stake);
        } else {
            emit ServiceRemoved(msg.sender);
        }
    }

    /// Settles each user's signed fees against their sub-account with the calling provider and
    /// pays the provider once. Items that fail a check are reported, never reverted.
    function settleFeesWithTEE(
        TEESettlementData[] calldata settlements
    ) external nonReentrant returns (uint8[] memory statuses) {
        _checkBatchSize(settlements.length);
        Layout storage $ = _layout();
        Signer memory signer = _signer($);
        bytes32 domain = _domainSeparator();
        ILedger ledger = ILedger($.ledger);
        statuses = new uint8[](settlements.length);
        uint256 payout;
        for (uint256 i; i < settlements.length; ++i) {
            TEESettlementData calldata s = settlements[i];
            (SettlementStatus status, uint256 unsettled, uint256 settled) = _settle($, s, signer, domain, ledger);
            statuses[i] = uint8(status);
            payout += settled;
            emit TEESettlementResult(s.user, status, unsettled);
        }
        if (payout != 0) _pay(msg.sender, payout);
    }

    /// What settleFeesWithTEE would report, without changing anything. A user listed twice is
    /// judged against the state before the batch both times.
    function previewSettlementResults(
        TEESettlementData[] calldata settlements
    )
        external
        view
        returns (
            address[] memory failedUsers,
            SettlementStatus[] memory failureReasons,
            address[] memory partialUsers,
            uint256[] memory partialAmounts
        )
    {
        _checkBatchSize(settlements.length);
        Layout storage $ = _layout();
        Signer memory signer = _signer($);
        bytes32 domain = _domainSeparator();
        uint256 n = settlements.length;
        failedUsers = new address[](n);
        failureReasons = new SettlementStatus[](n);
        partialUsers = new address[](n);
        partialAmounts = new uint256[](n);
        uint256 failed;
        uint256 partials;
        for (uint256 i; i < n; ++i) {
            TEESettlementData calldata s = settlements[i];
            (SettlementStatus status, AccountStore.Record storage r) = _check($, s, signer, domain);
            if (status == SettlementStatus.SUCCESS) {
                if (s.totalFee > r.balance) {
                    partialUsers[partials] = s.user;
                    partialAmounts[partials++] = s.totalFee - r.balance;
                }
            } else {
                failedUsers[failed] = s.user;
                failureReasons[failed++] = status;
            }
        }
        assembly ("memory-safe") {
            mstore(failedUsers, failed)
            mstore(failureReasons, failed)
            mstore(partialUsers, partials)
            mstore(partialAmounts, partials)
        }
    }

    // ---------------------------------------------------------------- views

    function lockTime() external view returns (uint256) {
        return _layout().lockTime;
    }

    function ledgerAddress() external view returns (address) {
        return _layout().ledger;
    }

    function getAccount(address user, address provider) external view returns (Account memory) {
        return _layout().accounts.existing(user, provider).toAccount();
    }

    function getAllAccounts(uint256 offset, uint256 limit) external view returns (Account[] memory accounts, uint256 total) {
        AccountStore.Accounts storage a = _layout().accounts;
        return a.page(a.all, offset, _pageLimit(limit));
    }

    function getAccountsByProvider(
        address provider,
        uint256 offset,
        uint256 limit
    ) external view returns (Account[] memory accounts, uint256 total) {
        AccountStore.Accounts storage a = _layout().accounts;
        return a.page(a.byProvider[provider], offset, _pageLimit(limit));
    }

    function getAccountsByUser(
        address user,
        uint256 offset,
        uint256 limit
    ) external view returns (Account[] memory accounts, uint256 total) {
        AccountStore.Accounts storage a = _layout().accounts;
        return a.page(a.byUser[user], offset, _pageLimit(limit));
    }

    /// The calling provider's sub-accounts for these users; a missing one is an all-zero entry.
    function getBatchAccountsByUsers(address[] calldata users) external view returns (Account[] memory accounts) {
        if (users.length > _MAX_BATCH_USERS) revert BatchSizeTooLarge(users.length, _MAX_BATCH_USERS);
        AccountStore.Accounts storage a = _layout().accounts;
        accounts = new Account[](users.length);
        for (uint256 i; i < users.length; ++i) {
            AccountStore.Record storage r = a.record(users[i], msg.sender);
            if (r.exists) accounts[i] = r.toAccount();
        }
    }

    function getService(address provider) external view returns (Service memory service) {
        return ServiceStore.toService(_layout().services.existing(provider), provider);
    }

    function getAllServices(uint256 offset, uint256 limit) external view returns (Service[] memory services, uint256 total) {
        return _layout().services.page(offset, _pageLimit(limit));
    }

    function serviceExists(address provider) external view returns (bool) {
        return _layout().services.records[provider].position != 0;
    }

    function supportsInterface(bytes4 interfaceId) public view override returns (bool) {
        return interfaceId == type(IServing).interfaceId || super.supportsInterface(interfaceId);
    }

    // ---------------------------------------------------------------- internals

    function _layout() private pure returns (Layout storage $) {
        assembly {
            $.slot := _STORAGE
        }
    }

    /// Runs the checks of one settlement item in the documented order; on SUCCESS the caller
    /// may settle against the returned record.
    function _check(
        Layout storage $,
        TEESettlementData calldata s,
        Signer memory signer,
        bytes32 domain
    ) private view returns (SettlementStatus, AccountStore.Record storage r) {
        r = $.accounts.record(s.user, msg.sender);
        if (s.provider != msg.sender) return (SettlementStatus.PROVIDER_MISMATCH, r);
        if (!r.exists) return (SettlementStatus.INVALID_SIGNATURE, r);
        if (!signer.serviceExists) return (SettlementStatus.PROVIDER_MISMATCH, r);
        if (!r.acknowledged || !signer.usable) return (SettlementStatus.NO_TEE_SIGNER, r);
        if (r.nonce >= s.nonce) return (SettlementStatus.INVALID_NONCE, r);
        if (!_signedBy(s, signer.signer, domain)) return (SettlementStatus.INVALID_SIGNATURE, r);
        return (SettlementStatus.SUCCESS, r);
    }

    function _settle(
        Layout storage $,
        TEESettlementData calldata s,
        Signer memory signer,
        bytes32 domain,
        ILedger ledger
    ) private returns (SettlementStatus status, uint256 unsettled, uint256 settled) {
        AccountStore.Record storage r;
        (status, r) = _check($, s, signer, domain);
        if (status != SettlementStatus.SUCCESS) return (status, s.totalFee, 0);
        r.nonce = s.nonce;
        uint256 balance = r.balance;
        uint256 fee = s.totalFee;
        if (fee > balance) {
            (status, unsettled, settled) = (SettlementStatus.PARTIAL, fee - balance, balance);
        } else {
            settled = fee;
        }
        if (settled == 0) return (status, unsettled, 0);
        // Fees may eat into money waiting in refunds (newest first) once the usable part is gone.
        uint256 pending = r.pendingRefund;
        uint256 usable = balance - pending;
        if (settled > usable) {
            pending -= r.cancelRefunds(settled - usable);
            r.pendingRefund = uint112(pending);
        }
        balance -= settled;
        r.balance = uint112(balance);
        ledger.spendFund(s.user, settled);
        emit BalanceUpdated(s.user, msg.sender, balance, pending);
    }

    function _signer(Layout storage $) private view returns (Signer memory signer) {
        ServiceStore.Record storage service = $.services.records[msg.sender];
        signer.serviceExists = service.position != 0;
        signer.signer = service.teeSignerAddress;
        signer.usable = service.teeSignerAcknowledged && signer.signer != address(0);
    }

    function _signedBy(TEESettlementData calldata s, address expected, bytes32 domain) private pure returns (bool) {
        bytes32 structHash = keccak256(
            abi.encode(_SETTLEMENT_TYPEHASH, s.requestsHash, s.nonce, s.provider, s.user, s.totalFee)
        );
        bytes32 digest = keccak256(abi.encodePacked("\x19\x01", domain, structHash));
        (address recovered, ECDSA.RecoverError error) = ECDSA.tryRecover(digest, s.signature);
        return error == ECDSA.RecoverError.NoError && recovered == expected;
    }

    /// Computed on every call: the chain id and the proxy address are part of the domain.
    function _domainSeparator() private view returns (bytes32) {
        return keccak256(abi.encode(_DOMAIN_TYPEHASH, _NAME_HASH, _VERSION_HASH, block.chainid, address(this)));
    }

    function _setSignerAcknowledged(address provider, bool acknowledged) private {
        ServiceStore.Record storage r = _layout().services.existing(provider);
        r.teeSignerAcknowledged = acknowledged;
        emit ProviderTEESignerAcknowledged(provider, r.teeSignerAddress, acknowledged);
    }

    function _checkPair(address user, address provider) private pure {
        if (user == address(0)) revert InvalidAddress(user);
        if (provider == address(0)) revert InvalidAddress(provider);
        if (user == provider) revert ProviderCannotBeUser();
    }

    function _checkLockTime(uint256 value) private pure {
        if (value < MIN_LOCKTIME || value > MAX_LOCKTIME) revert LockTimeOutOfRange(value, MIN_LOCKTIME, MAX_LOCKTIME);
    }

    function _checkBatchSize(uint256 n) private pure {
        if (n == 0) revert NoSettlementsProvided();
        if (n > _MAX_SETTLEMENTS) revert TooManySettlements(n, _MAX_SETTLEMENTS);
    }

    function _pageLimit(uint256 limit) private pure returns (uint256) {
        if (limit > _MAX_PAGE) revert LimitTooLarge(limit, _MAX_PAGE);
        return limit == 0 ? _MAX_PAGE : limit;
    }

    function _pay(address to, uint256 amount) private {
        (bool ok, ) = payable(to).call{value: amount}("");
        if (!ok) revert TransferFailed();
    }
}
