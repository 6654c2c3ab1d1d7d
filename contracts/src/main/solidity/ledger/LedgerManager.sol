// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

import {Ownable} from "@openzeppelin/contracts/access/Ownable.sol";
import {IERC165} from "@openzeppelin/contracts/utils/introspection/IERC165.sol";
import {ERC165Checker} from "@openzeppelin/contracts/utils/introspection/ERC165Checker.sol";
import {Initializable} from "../utils/Initializable.sol";
import {TransientFlags, TransientReentrancyGuard} from "../utils/TransientFlags.sol";
import {IServing, ILedger} from "../interfaces/IServing.sol";

/// A user's main account as the ABI shows it.
struct Ledger {
    address user;
    uint256 availableBalance;
    uint256 totalBalance;
    string additionalInfo;
}

/// A registered serving contract as the ABI shows it.
struct ServiceInfo {
    address serviceAddress;
    IServing serviceContract;
    string serviceType;
    string version;
    string fullName;
    string description;
    bool isRecommended;
    uint256 registeredAt;
}

/// The user's main account: deposits land here, then move into per-provider sub-accounts held by
/// a registered serving contract. `totalBalance` = available + everything in sub-accounts.
contract LedgerManager is Ownable, Initializable, TransientReentrancyGuard, ILedger {
    uint256 public constant MAX_PROVIDERS_PER_BATCH = 20;
    uint256 public constant MAX_SERVICES = 500;
    uint256 public constant MAX_PROVIDERS_PER_USER_PER_SERVICE = 50;
    uint256 public constant MAX_ADDITIONAL_INFO_LENGTH = 4096;
    /// Network minimums, fixed when the implementation is deployed (they live in its code, so they
    /// also apply behind a proxy).
    uint256 public immutable MIN_ACCOUNT_BALANCE;
    uint256 public immutable MIN_TRANSFER_AMOUNT;

    uint256 private constant _DEFAULT_PAGE = 50;
    // keccak256("zerog.compute.ledger.lock") - 1; a user's lock lives at this value xor the address
    uint256 private constant _LOCK_BASE = 0xd42d9c96643736c6727a720c6861badb163f24c2f6e0687822fe4111e6c1d160;
    // keccak256(abi.encode(uint256(keccak256("0g.serving.ledger")) - 1)) & ~bytes32(uint256(0xff))
    bytes32 private constant _STORAGE = 0x0bb5d42557ea6926c17416c5b1c1c29c28d9006d6f713295a2d385f07156ed00;

    /// One storage word per user, so deposits, transfers and settlements touch a single slot.
    struct Balances {
        uint112 available;
        uint112 total;
        uint32 position; // 1-based index in `users`; 0 means no ledger
    }

    struct Registration {
        bool registered;
        bool recommended;
        uint64 registeredAt;
        string serviceType;
        string version;
        string description;
    }

    /// Providers a user funded through one service, in funding order. Word 0 holds the count in
    /// its top bits next to the first provider, so the first sub-account costs one new slot.
    struct ProviderList {
        uint256[MAX_PROVIDERS_PER_USER_PER_SERVICE] words;
    }

    /// @custom:storage-location erc7201:0g.serving.ledger
    struct Layout {
        mapping(address => Balances) balances;
        mapping(address => string) infos;
        address[] users;
        mapping(address => mapping(address => ProviderList)) providers; // user => service => list
        mapping(address => Registration) services;
        mapping(bytes32 => address) serviceByName; // keccak256(fullName)
        address[] serviceList;
        mapping(bytes32 => address) recommendedByType; // keccak256(serviceType)
    }

    event ServiceRegistered(address indexed serviceAddress, string serviceName);
    event RecommendedServiceUpdated(string serviceType, string version, address serviceAddress);
    event LedgerInfoUpdated(address indexed user, string additionalInfo);
    event FundSpent(address indexed user, address indexed service, uint256 amount);

    error LedgerNotExists(address user);
    error LedgerExists(address user);
    error InsufficientBalance(address user);
    error TooManyProviders(uint256 requested, uint256 maximum);
    error TooManyProvidersForService(uint256 current, uint256 maximum);
    error InvalidServiceType(string serviceType);
    error ServiceNotRegistered(address serviceAddress);
    error ServiceNameExists(string serviceName);
    error InvalidServiceAddress(address serviceAddress);
    error LedgerLocked();
    error CallerNotRegisteredService(address caller);
    error ServiceNotFound(address serviceAddress);
    error MinimumDepositRequired(uint256 provided, uint256 required);
    error AdditionalInfoTooLong(uint256 length, uint256 max);
    error ZeroAmountNotAllowed();
    error ZeroAddressNotAllowed();
    error InsufficientAvailableBalance(uint256 available, uint256 required);
    error TransferFailed();
    error CallFailed();
    error MustWithdrawAllFundsFirst(uint256 remainingBalance);
    error ServiceTypeRequired();
    error VersionRequired();
    error ServiceAlreadyRegistered(address serviceAddress);
    error ServiceMustImplementIServing(address serviceAddress);
    error ServiceRegistryLimitReached(uint256 limit);
    error DirectDepositsDisabled();
    error NoRecommendedService(string serviceType);

    /// Per-user re-entrancy lock: a user's ledger is never changed by two nested calls.
    modifier withLedgerLock(address user) {
        uint256 slot = _LOCK_BASE ^ uint256(uint160(user));
        if (!TransientFlags.enter(slot)) revert LedgerLocked();
        _;
        TransientFlags.exit(slot);
    }

    modifier onlyServing() {
        if (!_layout().services[msg.sender].registered) revert CallerNotRegisteredService(msg.sender);
        _;
    }

    constructor(uint256 minAccountBalance, uint256 minTransferAmount) {
        MIN_ACCOUNT_BALANCE = minAccountBalance;
        MIN_TRANSFER_AMOUNT = minTransferAmount;
        _lockInitializer();
    }

    // solhint-disable-next-line
    function initialize(address owner) external initializer {
        _transferOwnership(owner);
    }

    /// Serving contracts pay released refunds back here; nobody else may send plain value.
    receive() external payable {
        if (!_layout().services[msg.sender].registered) revert DirectDepositsDisabled();
    }

    // ---------------------------------------------------------------- user funds

    function addLedger(
        string calldata additionalInfo
    ) external payable withLedgerLock(msg.sender) returns (uint256, uint256) {
        if (msg.value < MIN_ACCOUNT_BALANCE) revert MinimumDepositRequired(msg.value, MIN_ACCOUNT_BALANCE);
        _checkInfoLength(bytes(additionalInfo).length);
        Layout storage $ = _layout();
        if ($.balances[msg.sender].position != 0) revert LedgerExists(msg.sender);
        _createLedger($, msg.sender, msg.value);
        if (bytes(additionalInfo).length != 0) $.infos[msg.sender] = additionalInfo;
        return (msg.value, 0);
    }

    function depositFund() external payable withLedgerLock(msg.sender) {
        _deposit(msg.sender);
    }

    function depositFundFor(address recipient) external payable withLedgerLock(recipient) {
        if (recipient == address(0)) revert ZeroAddressNotAllowed();
        _deposit(recipient);
    }

    function refund(uint256 amount) external withLedgerLock(msg.sender) {
        Layout storage $ = _layout();
        Balances memory b = _existing($, msg.sender);
        if (b.available < amount) revert InsufficientBalance(msg.sender);
        uint256 remaining = b.available - amount;
        if (remaining != 0 && remaining < MIN_ACCOUNT_BALANCE) {
            revert MinimumDepositRequired(remaining, MIN_ACCOUNT_BALANCE);
        }
        if (b.total == amount) {
            // Nothing is left anywhere: the ledger and its (empty) sub-accounts go away.
            _removeLedger($, msg.sender, b.position);
            _deleteAllServiceAccounts($, msg.sender);
        } else {
            $.balances[msg.sender] = Balances(uint112(remaining), b.total - uint112(amount), b.position);
        }
        _pay(msg.sender, amount);
    }

    function transferFund(
        address provider,
        string calldata serviceName,
        uint256 amount
    ) external withLedgerLock(msg.sender) {
        Layout storage $ = _layout();
        Balances memory b = _existing($, msg.sender);
        address service = _serviceByName($, serviceName);
        IServing serving = IServing(service);

        uint256 sent = amount;
        bytes memory call;
        if (serving.accountExists(msg.sender, provider)) {
            // Money waiting in refunds of that sub-account is revived first; only the rest moves.
            uint256 pending = serving.getPendingRefund(msg.sender, provider);
            uint256 revived = amount < pending ? amount : pending;
            sent = amount - revived;
            call = abi.encodeCall(IServing.depositFund, (msg.sender, provider, revived));
        } else {
            if (amount < MIN_TRANSFER_AMOUNT) revert MinimumDepositRequired(amount, MIN_TRANSFER_AMOUNT);
            call = abi.encodeCall(IServing.addAccount, (msg.sender, provider, $.infos[msg.sender]));
            _addProvider($.providers[msg.sender][service], provider);
        }
        if (b.available < sent) revert InsufficientAvailableBalance(b.available, sent);
        $.balances[msg.sender].available = uint112(b.available - sent);

        (bool ok, ) = service.call{value: sent}(call);
        if (!ok) revert CallFailed();
    }

    function retrieveFund(
        address[] calldata providers,
        string calldata serviceName
    ) external withLedgerLock(msg.sender) {
        if (providers.length > MAX_PROVIDERS_PER_BATCH) {
            revert TooManyProviders(providers.length, MAX_PROVIDERS_PER_BATCH);
        }
        Layout storage $ = _layout();
        IServing serving = IServing(_serviceByName($, serviceName));
        Balances memory b = _existing($, msg.sender);

        uint256 released;
        for (uint256 i; i < providers.length; ++i) {
            address provider = providers[i];
            if (serving.accountExists(msg.sender, provider)) {
                (uint256 amount, , ) = serving.processRefund(msg.sender, provider);
                released += amount;
                serving.requestRefundAll(msg.sender, provider);
            }
        }
        if (released != 0) $.balances[msg.sender].available = _to112(b.available + released);
    }

    function deleteLedger() external nonReentrant withLedgerLock(msg.sender) {
        Layout storage $ = _layout();
        Balances memory b = _existing($, msg.sender);
        if (b.total != 0) revert MustWithdrawAllFundsFirst(b.total);
        _deleteAllServiceAccounts($, msg.sender);
        _removeLedger($, msg.sender, b.position);
    }

    function updateAdditionalInfo(string calldata additionalInfo) external withLedgerLock(msg.sender) {
        _checkInfoLength(bytes(additionalInfo).length);
        Layout storage $ = _layout();
        _existing($, msg.sender);
        $.infos[msg.sender] = additionalInfo;
        emit LedgerInfoUpdated(msg.sender, additionalInfo);
    }

    /// A serving contract charges settled fees: they leave the locked part (sub-accounts).
    function spendFund(address user, uint256 amount) external onlyServing withLedgerLock(user) {
        Layout storage $ = _layout();
        Balances memory b = _existing($, user);
        uint256 locked = b.total - b.available;
        if (locked < amount) revert InsufficientAvailableBalance(locked, amount);
        $.balances[user].total = uint112(b.total - amount);
        emit FundSpent(user, msg.sender, amount);
    }

    // ---------------------------------------------------------------- views

    function getLedger(address user) external view returns (Ledger memory) {
        Layout storage $ = _layout();
        Balances memory b = _existing($, user);
        return Ledger(user, b.available, b.total, $.infos[user]);
    }

    function getAllLedgers(uint256 offset, uint256 limit) external view returns (Ledger[] memory ledgers, uint256 total) {
        Layout storage $ = _layout();
        total = $.users.length;
        if (offset >= total) return (new Ledger[](0), total);
        uint256 end = offset + (limit == 0 ? _DEFAULT_PAGE : limit);
        if (end > total) end = total;
        ledgers = new Ledger[](end - offset);
        for (uint256 i; i < ledgers.length; ++i) {
            address user = $.users[offset + i];
            Balances memory b = $.balances[user];
            ledgers[i] = Ledger(user, b.available, b.total, $.infos[user]);
        }
    }

    function getLedgerProviders(address user, string calldata serviceName) external view returns (address[] memory) {
        Layout storage $ = _layout();
        ProviderList storage list = $.providers[user][_serviceByName($, serviceName)];
        uint256 count = list.words[0] >> 160;
        address[] memory result = new address[](count);
        for (uint256 i; i < count; ++i) result[i] = address(uint160(list.words[i]));
        return result;
    }

    // ---------------------------------------------------------------- service registry

    function registerService(
        string calldata serviceType,
        string calldata version,
        address serviceAddress,
        string calldata description
    ) external onlyOwner {
        Layout storage $ = _layout();
        if (serviceAddress == address(0)) revert InvalidServiceAddress(serviceAddress);
        if (bytes(serviceType).length == 0) revert ServiceTypeRequired();
        if (bytes(version).length == 0) revert VersionRequired();
        if ($.services[serviceAddress].registered) revert ServiceAlreadyRegistered(serviceAddress);
        string memory fullName = string.concat(serviceType, "-", version);
        bytes32 nameKey = keccak256(bytes(fullName));
        if ($.serviceByName[nameKey] != address(0)) revert ServiceNameExists(fullName);
        if (
            !ERC165Checker.supportsInterface(serviceAddress, type(IERC165).interfaceId) ||
            !ERC165Checker.supportsInterface(serviceAddress, type(IServing).interfaceId)
        ) revert ServiceMustImplementIServing(serviceAddress);
        if ($.serviceList.length >= MAX_SERVICES) revert ServiceRegistryLimitReached(MAX_SERVICES);

        $.services[serviceAddress] = Registration(true, false, uint64(block.timestamp), serviceType, version, description);
        $.serviceByName[nameKey] = serviceAddress;
        $.serviceList.push(serviceAddress);
        emit ServiceRegistered(serviceAddress, fullName);
    }

    function setRecommendedService(string calldata serviceType, string calldata version) external onlyOwner {
        Layout storage $ = _layout();
        address serviceAddress = _serviceByName($, string.concat(serviceType, "-", version));
        bytes32 typeKey = keccak256(bytes(serviceType));
        address previous = $.recommendedByType[typeKey];
        if (previous != address(0) && previous != serviceAddress) $.services[previous].recommended = false;
        $.recommendedByType[typeKey] = serviceAddress;
        $.services[serviceAddress].recommended = true;
        emit RecommendedServiceUpdated(serviceType, version, serviceAddress);
    }

    function getServiceInfo(address serviceAddress) external view returns (ServiceInfo memory) {
        ServiceInfo memory none;
        return _layout().services[serviceAddress].registered ? _serviceInfo(serviceAddress) : none;
    }

    function getServiceAddressByName(string calldata serviceName) external view returns (address) {
        return _layout().serviceByName[keccak256(bytes(serviceName))];
    }

    function getAllActiveServices() external view returns (ServiceInfo[] memory) {
        address[] storage list = _layout().serviceList;
        ServiceInfo[] memory infos = new ServiceInfo[](list.length);
        for (uint256 i; i < infos.length; ++i) infos[i] = _serviceInfo(list[i]);
        return infos;
    }

    function getRecommendedService(
        string calldata serviceType
    ) external view returns (string memory version, address serviceAddress) {
        Layout storage $ = _layout();
        serviceAddress = $.recommendedByType[keccak256(bytes(serviceType))];
        if (serviceAddress == address(0)) revert NoRecommendedService(serviceType);
        version = $.services[serviceAddress].version;
    }

    function getAllVersions(
        string calldata serviceType
    ) external view returns (string[] memory versions, address[] memory addresses, bool[] memory isRecommendedFlags) {
        Layout storage $ = _layout();
        bytes32 typeKey = keccak256(bytes(serviceType));
        uint256 count;
        for (uint256 i; i < $.serviceList.length; ++i) {
            if (keccak256(bytes($.services[$.serviceList[i]].serviceType)) == typeKey) ++count;
        }
        versions = new string[](count);
        addresses = new address[](count);
        isRecommendedFlags = new bool[](count);
        uint256 next;
        for (uint256 i; i < $.serviceList.length; ++i) {
            address serviceAddress = $.serviceList[i];
            Registration storage r = $.services[serviceAddress];
            if (keccak256(bytes(r.serviceType)) != typeKey) continue;
            versions[next] = r.version;
            addresses[next] = serviceAddress;
            isRecommendedFlags[next] = r.recommended;
            ++next;
        }
    }

    function isRecommendedVersion(string calldata serviceType, string calldata version) external view returns (bool) {
        Layout storage $ = _layout();
        address serviceAddress = $.serviceByName[keccak256(bytes(string.concat(serviceType, "-", version)))];
        return serviceAddress != address(0) && $.services[serviceAddress].recommended;
    }

    // ---------------------------------------------------------------- internals

    function _layout() private pure returns (Layout storage $) {
        assembly {
            $.slot := _STORAGE
        }
    }

    function _existing(Layout storage $, address user) private view returns (Balances memory b) {
        b = $.balances[user];
        if (b.position == 0) revert LedgerNotExists(user);
    }

    function _serviceByName(Layout storage $, string memory serviceName) private view returns (address service) {
        service = $.serviceByName[keccak256(bytes(serviceName))];
        if (service == address(0)) revert ServiceNotFound(address(0));
    }

    function _checkInfoLength(uint256 length) private pure {
        if (length > MAX_ADDITIONAL_INFO_LENGTH) revert AdditionalInfoTooLong(length, MAX_ADDITIONAL_INFO_LENGTH);
    }

    function _deposit(address user) private {
        if (msg.value == 0) revert ZeroAmountNotAllowed();
        Layout storage $ = _layout();
        Balances memory b = $.balances[user];
        if (b.position == 0) {
            if (msg.value < MIN_ACCOUNT_BALANCE) revert MinimumDepositRequired(msg.value, MIN_ACCOUNT_BALANCE);
            _createLedger($, user, msg.value);
        } else {
            $.balances[user] = Balances(_to112(b.available + msg.value), _to112(b.total + msg.value), b.position);
        }
    }

    function _createLedger(Layout storage $, address user, uint256 amount) private {
        $.users.push(user);
        uint112 value = _to112(amount);
        $.balances[user] = Balances(value, value, uint32($.users.length));
    }

    /// Swap-and-pop, so the order of `getAllLedgers` is the one an EnumerableSet would give.
    function _removeLedger(Layout storage $, address user, uint32 position) private {
        uint256 last = $.users.length;
        if (position != last) {
            address moved = $.users[last - 1];
            $.users[position - 1] = moved;
            $.balances[moved].position = position;
        }
        $.users.pop();
        delete $.balances[user];
        if (bytes($.infos[user]).length != 0) delete $.infos[user];
    }

    function _addProvider(ProviderList storage list, address provider) private {
        uint256 head = list.words[0];
        uint256 count = head >> 160;
        if (count >= MAX_PROVIDERS_PER_USER_PER_SERVICE) {
            revert TooManyProvidersForService(count, MAX_PROVIDERS_PER_USER_PER_SERVICE);
        }
        if (count == 0) {
            list.words[0] = (1 << 160) | uint160(provider);
        } else {
            list.words[0] = head + (1 << 160);
            list.words[count] = uint160(provider);
        }
    }

    /// Deletes every sub-account of the user in every registered service; a service that fails
    /// to delete one does not block the user.
    function _deleteAllServiceAccounts(Layout storage $, address user) private {
        for (uint256 s; s < $.serviceList.length; ++s) {
            address service = $.serviceList[s];
            ProviderList storage list = $.providers[user][service];
            uint256 count = list.words[0] >> 160;
            for (uint256 i; i < count; ++i) {
                try IServing(service).deleteAccount(user, address(uint160(list.words[i]))) {} catch {}
            }
            for (uint256 i; i < count; ++i) list.words[i] = 0;
        }
    }

    function _serviceInfo(address serviceAddress) private view returns (ServiceInfo memory) {
        Registration storage r = _layout().services[serviceAddress];
        return ServiceInfo(
            serviceAddress,
            IServing(serviceAddress),
            r.serviceType,
            r.version,
            string.concat(r.serviceType, "-", r.version),
            r.description,
            r.recommended,
            r.registeredAt
        );
    }

    function _pay(address to, uint256 amount) private {
        (bool ok, ) = payable(to).call{value: amount}("");
        if (!ok) revert TransferFailed();
    }

    /// Balances are stored in 112 bits (5e15 0G); a larger value is an arithmetic overflow.
    function _to112(uint256 value) private pure returns (uint112) {
        if (value > type(uint112).max) {
            assembly ("memory-safe") {
                mstore(0x00, shl(224, 0x4e487b71))
                mstore(0x04, 0x11)
                revert(0x00, 0x24)
            }
        }
        return uint112(value);
    }
}
