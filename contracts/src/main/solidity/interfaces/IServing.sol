// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// What the ledger needs from a serving contract (inference, fine-tuning, ...). Its ERC-165
/// interface id, 0x160841b1, is checked when a service is registered.
interface IServing {
    function accountExists(address user, address provider) external view returns (bool);

    function getPendingRefund(address user, address provider) external view returns (uint256);

    function addAccount(address user, address provider, string memory additionalInfo) external payable;

    function depositFund(address user, address provider, uint256 cancelRetrievingAmount) external payable;

    function requestRefundAll(address user, address provider) external;

    function processRefund(
        address user,
        address provider
    ) external returns (uint256 totalAmount, uint256 balance, uint256 pendingRefund);

    function deleteAccount(address user, address provider) external;
}

/// What a serving contract needs from the ledger.
interface ILedger {
    function spendFund(address user, uint256 amount) external;
}
