package ai.zerog.compute.web;

import ai.zerog.compute.chain.ChainException;
import ai.zerog.compute.chain.ContractRevertException;
import ai.zerog.compute.core.CoreException;
import ai.zerog.compute.core.Units;
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
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns every failure into what the page shows: a status, one message in the UI's words that
 * says what to do, and the {@code fix} action the page offers as a button. The SDK's own message
 * (which names CLI commands) is kept as {@code detail}.
 */
final class ApiErrors {
    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final BigInteger ONE_OG = Units.og(1);

    private ApiErrors() {
    }

    static ApiProblem problem(Throwable failure) {
        if (failure instanceof ApiProblem p) {
            return p;
        }
        if (failure instanceof InsufficientSubAccountBalanceException e) {
            BigInteger missing = e.required().subtract(e.locked()).max(ONE_OG);
            return new ApiProblem(402, "The sub-account with provider " + e.provider().checksummed() + " holds "
                    + og(e.locked()) + " usable but " + og(e.required()) + " is needed. Transfer at least "
                    + og(missing) + " to this provider (Account page), then retry.",
                    Map.of("action", "transfer", "provider", e.provider().checksummed(), "amount", Units.formatOg(missing)));
        }
        if (failure instanceof InsufficientLedgerBalanceException e) {
            BigInteger missing = e.required().subtract(e.available()).max(BigInteger.ONE);
            return new ApiProblem(402, "Your ledger has " + og(e.available()) + " available but " + og(e.required())
                    + " is needed. Deposit at least " + og(missing) + ", or retrieve funds from providers.",
                    Map.of("action", "deposit", "amount", Units.formatOg(missing)));
        }
        if (failure instanceof InsufficientWalletBalanceException e) {
            return new ApiProblem(402, "Your wallet " + e.wallet().checksummed() + " holds " + og(e.balance()) + " but "
                    + og(e.required()) + " plus gas is needed. Send 0G to the wallet first, or deposit less.");
        }
        if (failure instanceof LedgerNotFoundException e) {
            return new ApiProblem(409, "The wallet " + e.user().checksummed() + " has no ledger yet. Deposit funds"
                    + " (at least the network minimum, 3 0G on the official networks) to create it.",
                    Map.of("action", "deposit", "amount", "3"));
        }
        if (failure instanceof ProviderNotAcknowledgedException e) {
            return new ApiProblem(409, "You have not acknowledged provider " + e.provider().checksummed() + " yet."
                    + " Transfer funds to it (at least 1 0G): that opens its sub-account and acknowledges it.",
                    Map.of("action", "transfer", "provider", e.provider().checksummed(), "amount", "1"));
        }
        if (failure instanceof RateLimitedException e) {
            long seconds = Math.max(1, e.retryAfter().toSeconds());
            return new ApiProblem(429, "Provider " + e.provider().checksummed() + " is rate-limiting this wallet. Wait "
                    + seconds + " s and try again, and send fewer requests at once.",
                    Map.of("action", "wait", "seconds", Long.toString(seconds)));
        }
        if (failure instanceof ProviderUnreachableException e) {
            return new ApiProblem(502, "The provider at " + e.url() + " did not answer properly: " + e.getMessage()
                    + ". Try again later or pick another provider.");
        }
        if (failure instanceof TransactionRevertedException e) {
            return new ApiProblem(409, "Transaction failed: " + e.decodedText() + ". " + e.getMessage());
        }
        if (failure instanceof ContractRevertException e) {
            return new ApiProblem(409, "Transaction failed: " + e.reason() + ". Nothing was sent; check the amounts"
                    + " and balances on the Account page.");
        }
        if (failure instanceof ChainException) {
            String message = failure.getMessage() == null ? failure.toString() : failure.getMessage();
            if (message.toLowerCase(java.util.Locale.ROOT).contains("insufficient funds")) {
                return new ApiProblem(402, "The wallet cannot pay for this transaction and its gas: send 0G to the"
                        + " wallet first, or use a smaller amount. (" + message + ")");
            }
            return new ApiProblem(502, "The chain did not accept the request: " + message
                    + ". Check that the network's RPC is running and try again.");
        }
        if (failure instanceof InvalidInputException || failure instanceof CoreException) {
            return ApiProblem.badRequest(failure.getMessage());
        }
        if (failure instanceof SdkException && failure.getCause() instanceof WebUiException wallet) {
            // the browser wallet did not sign: our own message says what to do in the page
            return new ApiProblem(409, wallet.getMessage());
        }
        if (failure instanceof SdkException) {
            return new ApiProblem(502, failure.getMessage());
        }
        if (failure instanceof WebUiException) {
            return new ApiProblem(409, failure.getMessage());
        }
        LOG.log(Level.WARNING, "unexpected failure in the web UI API", failure);
        return new ApiProblem(500, "Unexpected error: " + failure + ". The details are on the console that runs"
                + " `0g-compute-cli ui start-web`.");
    }

    static ObjectNode json(Throwable failure) {
        ApiProblem problem = problem(failure);
        ObjectNode body = Json.object().put("error", problem.getMessage()).put("status", problem.status());
        if (!problem.fix().isEmpty()) {
            ObjectNode fix = body.putObject("fix");
            problem.fix().forEach(fix::put);
        }
        if (problem != failure && failure.getMessage() != null && !failure.getMessage().equals(problem.getMessage())) {
            body.put("detail", failure.getMessage());
        }
        return body;
    }

    private static String og(BigInteger neuron) {
        return Units.formatOg(neuron) + " 0G";
    }
}
