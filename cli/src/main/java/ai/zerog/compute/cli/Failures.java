package ai.zerog.compute.cli;

import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.TransactionTimeoutException;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.sdk.InsufficientLedgerBalanceException;
import ai.zerog.compute.sdk.InsufficientSubAccountBalanceException;
import ai.zerog.compute.sdk.InsufficientWalletBalanceException;
import ai.zerog.compute.sdk.InvalidInputException;
import ai.zerog.compute.sdk.LedgerNotFoundException;
import ai.zerog.compute.sdk.ProviderNotAcknowledgedException;
import ai.zerog.compute.sdk.ProviderUnreachableException;
import ai.zerog.compute.sdk.RateLimitedException;
import ai.zerog.compute.sdk.SdkException;
import ai.zerog.compute.sdk.TransactionRevertedException;
import ai.zerog.compute.sdk.VerificationFailedException;

/**
 * The SDK's typed failures as one line plus what to run next (the 0G docs' Troubleshooting list,
 * CLI-AND-UI.md §10). The SDK's own message already carries the numbers; the CLI adds the command.
 */
final class Failures {
    private Failures() {
    }

    static CliFailure toCli(Throwable e) {
        if (e instanceof CliFailure failure) {
            return failure;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return switch (e) {
            case LedgerNotFoundException ignored -> new CliFailure(
                    "Account does not exist. Please create an account first using \"add-account\".",
                    "Run: 0g-compute-cli add-account --amount 3   (or: 0g-compute-cli deposit --amount 3)");
            case InsufficientLedgerBalanceException ignored -> new CliFailure(message,
                    "Run: 0g-compute-cli deposit --amount <0G>   (see balances: 0g-compute-cli get-account)");
            case InsufficientWalletBalanceException w -> new CliFailure(message,
                    "Send 0G to " + w.wallet().checksummed() + " (testnet faucet: https://faucet.0g.ai), or use a smaller --amount.");
            case InsufficientSubAccountBalanceException s -> new CliFailure(message,
                    "Run: 0g-compute-cli transfer-fund --provider " + s.provider().checksummed() + " --amount 1");
            case ProviderNotAcknowledgedException p -> new CliFailure(message,
                    "Run: 0g-compute-cli transfer-fund --provider " + p.provider().checksummed() + " --amount 1"
                            + "   (or: 0g-compute-cli inference acknowledge-provider --provider "
                            + p.provider().checksummed() + ")");
            case RateLimitedException ignored -> new CliFailure(message,
                    "Wait a few seconds and retry; send fewer requests (at most 5 at once).");
            case ProviderUnreachableException ignored -> new CliFailure(message,
                    "Retry later, or pick another provider: 0g-compute-cli inference list-providers");
            case VerificationFailedException ignored -> new CliFailure(message,
                    "Do not trust this provider's answers; pick another: 0g-compute-cli inference list-providers",
                    ExitCodes.VERIFICATION_FAILED);
            case TransactionRevertedException r -> new CliFailure(message, revertHint(r.errorName()));
            case InvalidInputException ignored -> new CliFailure(message, "Fix the option and run the command again.");
            case SdkException ignored -> new CliFailure(message, "Run again with VERBOSE=true for details.");
            case TransactionTimeoutException ignored -> new CliFailure(message,
                    "The transaction may still land: check with 0g-compute-cli get-account before retrying.");
            case ChainException ignored -> new CliFailure(message,
                    "Check the RPC endpoint (0g-compute-cli show-network) and run again; VERBOSE=true shows details.");
            case CoreException ignored -> new CliFailure(message, "Fix the option and run the command again.");
            default -> new CliFailure(message, "Run again with VERBOSE=true for details.");
        };
    }

    private static String revertHint(String errorName) {
        return switch (errorName) {
            case "LedgerNotExists" -> "Run: 0g-compute-cli add-account --amount 3";
            case "LedgerExists" -> "Run: 0g-compute-cli deposit --amount <0G>, or see it with 0g-compute-cli get-account";
            case "InsufficientBalance" -> "Run: 0g-compute-cli deposit --amount <0G>   (see balances: 0g-compute-cli get-account)";
            case "ServiceNotExist" -> "Pick a provider from: 0g-compute-cli inference list-providers";
            case "AccountNotExists" -> "Run: 0g-compute-cli transfer-fund --provider <PROVIDER_ADDRESS> --amount 1";
            case "RefundLocked" -> "Wait for the lock time (see 0g-compute-cli get-sub-account --provider <PROVIDER_ADDRESS>), then retry.";
            default -> "Run again with VERBOSE=true for details.";
        };
    }
}
