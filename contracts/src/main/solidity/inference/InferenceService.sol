// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// What a provider sends to register or update its service.
struct ServiceParams {
    string serviceType;
    string url;
    string model;
    string verifiability;
    uint256 inputPrice;
    uint256 outputPrice;
    string additionalInfo;
    address teeSignerAddress;
}

/// A provider's service as the ABI shows it.
struct Service {
    address provider;
    string serviceType;
    string url;
    uint256 inputPrice;
    uint256 outputPrice;
    uint256 updatedAt;
    string model;
    string verifiability;
    string additionalInfo;
    address teeSignerAddress;
    bool teeSignerAcknowledged;
}

/// Storage of provider services. Word 0 holds what settlement checks (signer, acknowledgement,
/// existence), so a settlement batch reads one word for the provider.
library ServiceStore {
    uint256 internal constant MAX_ADDITIONAL_INFO_LENGTH = 4096;

    struct Record {
        address teeSignerAddress;
        bool teeSignerAcknowledged;
        uint32 position; // 1-based index in `providers`; 0 means no service
        uint56 updatedAt;
        uint256 inputPrice;
        uint256 outputPrice;
        string serviceType;
        string url;
        string model;
        string verifiability;
        string additionalInfo;
    }

    struct Services {
        mapping(address => Record) records;
        address[] providers;
    }

    error ServiceNotExist(address provider);
    error AdditionalInfoTooLong();

    function existing(Services storage self, address provider) internal view returns (Record storage r) {
        r = self.records[provider];
        if (r.position == 0) revert ServiceNotExist(provider);
    }

    /// Creates or overwrites the provider's service. A new service starts unacknowledged; an
    /// update keeps the owner's acknowledgement only if just the URL or prices changed.
    function put(Services storage self, address provider, ServiceParams calldata params) internal {
        if (bytes(params.additionalInfo).length > MAX_ADDITIONAL_INFO_LENGTH) revert AdditionalInfoTooLong();
        Record storage r = self.records[provider];
        uint32 position = r.position;
        bool acknowledged;
        if (position == 0) {
            self.providers.push(provider);
            position = uint32(self.providers.length);
        } else {
            acknowledged =
                r.teeSignerAcknowledged &&
                r.teeSignerAddress == params.teeSignerAddress &&
                _same(r.serviceType, params.serviceType) &&
                _same(r.model, params.model) &&
                _same(r.verifiability, params.verifiability) &&
                _same(r.additionalInfo, params.additionalInfo);
        }
        r.teeSignerAddress = params.teeSignerAddress;
        r.teeSignerAcknowledged = acknowledged;
        r.position = position;
        r.updatedAt = uint56(block.timestamp);
        r.inputPrice = params.inputPrice;
        r.outputPrice = params.outputPrice;
        r.serviceType = params.serviceType;
        r.url = params.url;
        r.model = params.model;
        r.verifiability = params.verifiability;
        r.additionalInfo = params.additionalInfo;
    }

    /// Swap-and-pop, so the order of `getAllServices` is the one an EnumerableSet would give.
    function remove(Services storage self, address provider) internal {
        Record storage r = existing(self, provider);
        uint256 position = r.position;
        uint256 last = self.providers.length;
        if (position != last) {
            address moved = self.providers[last - 1];
            self.providers[position - 1] = moved;
            self.records[moved].position = uint32(position);
        }
        self.providers.pop();
        delete self.records[provider];
    }

    function toService(Record storage r, address provider) internal view returns (Service memory) {
        return Service(
            provider,
            r.serviceType,
            r.url,
            r.inputPrice,
            r.outputPrice,
            r.updatedAt,
            r.model,
            r.verifiability,
            r.additionalInfo,
            r.teeSignerAddress,
            r.teeSignerAcknowledged
        );
    }

    function page(
        Services storage self,
        uint256 offset,
        uint256 limit
    ) internal view returns (Service[] memory services, uint256 total) {
        total = self.providers.length;
        if (offset >= total) return (new Service[](0), total);
        uint256 end = offset + limit;
        if (end > total) end = total;
        services = new Service[](end - offset);
        for (uint256 i; i < services.length; ++i) {
            address provider = self.providers[offset + i];
            services[i] = toService(self.records[provider], provider);
        }
    }

    function _same(string storage stored, string calldata given) private pure returns (bool) {
        return keccak256(bytes(stored)) == keccak256(bytes(given));
    }
}
