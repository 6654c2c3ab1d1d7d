package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.chain.RpcException;
import ai.zerog.compute.chain.TransactionTimeoutException;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import java.math.BigInteger;
import java.util.function.Supplier;

/**
 * The one place where chain-layer failures become SDK exceptions: reverts by custom error name
 * into the typed exception a caller handles, everything else into {@link SdkException} with
 * the chain failure kept as the cause.
 */
final class ChainFailures {
    private ChainFailures() {}

    /** Runs {@code operation} and translates any chain failure; {@code action} names it for messages. */
    static <T> T call(String action, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ChainException e) {
            throw translate(action, e);
        }
    }

    static void run(String action, Runnable operation) {
        call(action, () -> {
            operation.run();
            return null;
        });
    }

    static SdkException translate(String action, ChainException failure) {
        return switch (failure) {
            case ContractRevertException revert -> revert(action, revert);
            case TransactionTimeoutException timeout -> new SdkException(action + ": " + timeout.getMessage(), timeout);
            case RpcException rpc -> new SdkException(action + " failed because the RPC node " + describe(rpc)
                    + ": check the RPC URL and your connection, then retry", rpc);
            default -> new SdkException(action + " failed: " + failure.getMessage(), failure);
        };
    }

    private static String describe(RpcException rpc) {
        return rpc.code() == 0 ? "could not be reached (" + rpc.getMessage() + ")"
                : "answered with an error (" + rpc.getMessage() + ")";
    }

    private static SdkException revert(String action, ContractRevertException revert) {
        return switch (revert.errorName()) {
            case "LedgerNotExists" -> new LedgerNotFoundException(address(revert, "user"), revert);
            case "InsufficientAvailableBalance" -> new InsufficientLedgerBalanceException(action,
                    number(revert, 0), number(revert, 1), revert);
            case "MinimumDepositRequired" -> new InvalidInputException(action + " was refused: the contract requires at least "
                    + Units.formatOg(number(revert, 1)) + " 0G here but got " + Units.formatOg(number(revert, 0))
                    + " 0G; use a larger amount", revert);
            case "ZeroAmountNotAllowed" -> new InvalidInputException(action + " was refused: the amount must be"
                    + " greater than 0 0G", revert);
            case "ZeroAddressNotAllowed" -> new InvalidInputException(action + " was refused: the zero address"
                    + " is not a valid recipient; pass the recipient's wallet address", revert);
            default -> new TransactionRevertedException(action, revert, hint(revert.errorName()));
        };
    }

    /** What to do next for reverts without a dedicated exception type. */
    private static String hint(String errorName) {
        return switch (errorName) {
            case "MustWithdrawAllFundsFirst" -> "the ledger still holds money; retrieve it from providers"
                    + " (`0g-compute-cli retrieve-fund`, twice: before and after the lock time), refund it"
                    + " (`0g-compute-cli refund --amount <0G>`), then delete";
            case "LedgerExists" -> "this wallet already has a ledger; add money with"
                    + " `0g-compute-cli deposit --amount <0G>` instead";
            case "InsufficientBalance" -> "the ledger's available balance is smaller than the amount; check it with"
                    + " `0g-compute-cli get-account`";
            case "TooManyProviders" -> "send at most 20 providers per retrieveFund transaction";
            case "TooManyProvidersForService" -> "this wallet already funds the maximum of 50 providers; retrieve"
                    + " and stop using one before funding another";
            case "ServiceNotFound" -> "the ledger does not know the inference service; check the network profile's"
                    + " contract addresses";
            case "CallFailed" -> "the serving contract refused the call; check that the provider is registered"
                    + " (`0g-compute-cli list-providers`) and that its sub-account is not full of pending refunds";
            case "LedgerLocked" -> "another operation on this ledger is in progress; retry";
            case "AccountNotExists" -> "there is no sub-account with that provider; transfer funds to it first"
                    + " (`0g-compute-cli transfer-fund --provider <address> --amount 1`)";
            default -> "check the arguments and the account state (`0g-compute-cli get-account`), then retry";
        };
    }

    private static BigInteger number(ContractRevertException revert, int position) {
        Object value = revert.arguments().values().stream().skip(position).findFirst()
                .orElseThrow(() -> new SdkException("revert " + revert.reason() + " lacks argument " + position));
        return value instanceof BigInteger big ? big : new BigInteger(value.toString());
    }

    private static Address address(ContractRevertException revert, String name) {
        Object value = revert.arguments().getOrDefault(name, revert.arguments().values().stream().findFirst()
                .orElse(Address.ZERO));
        return value instanceof Address a ? a : Address.of(value.toString());
    }
}
