package ai.zerog.compute.web;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Units;
import ai.zerog.compute.sdk.LedgerDetail;
import ai.zerog.compute.sdk.LedgerNotFoundException;
import ai.zerog.compute.sdk.ZgComputeBroker;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;

/**
 * The account dashboard and the four fund movements. Each movement is one POST the page sends
 * when the user confirms it. For the local identity the SDK checks and sends the transaction and
 * the answer is the new account; for a browser wallet the answer is the prepared transaction,
 * which the page hands to the wallet to confirm and send.
 */
final class AccountRoutes {
    private final Wallets wallets;
    private final BrowserTransactions browserTransactions;

    AccountRoutes(Wallets wallets, BrowserTransactions browserTransactions) {
        this.wallets = wallets;
        this.browserTransactions = browserTransactions;
    }

    void register(HttpRouting.Builder routing) {
        routing.get("/api/account", ApiHandler.guarded(this::account))
                .post("/api/account/deposit", ApiHandler.guarded(this::deposit))
                .post("/api/account/transfer", ApiHandler.guarded(this::transfer))
                .post("/api/account/retrieve", ApiHandler.guarded(this::retrieve))
                .post("/api/account/refund", ApiHandler.guarded(this::refund));
    }

    private void account(ServerRequest request, ServerResponse response) {
        Json.ok(response, view(wallets.forRequest(request)));
    }

    static ObjectNode view(Wallet wallet) {
        ZgComputeBroker broker = wallet.broker();
        ObjectNode body = Json.object().put("wallet", wallet.address().checksummed())
                .put("kind", wallet.kind().name().toLowerCase(java.util.Locale.ROOT));
        ObjectNode minimums = body.putObject("minimums");
        Views.money(minimums, "ledger", broker.ledger().minimumLedgerBalance());
        Views.money(minimums, "transfer", broker.ledger().minimumTransferAmount());
        Optional<LedgerDetail> ledger = broker.ledger().ledgerIfExists();
        body.set("ledger", ledger.map(Views::ledger).orElseGet(() -> Json.object().put("exists", false)));
        return body;
    }

    private void deposit(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        BigInteger amount = Params.amount(Json.body(request), "amount");
        if (wallet.inBrowser()) {
            if (wallet.broker().ledger().ledgerIfExists().isEmpty()) {
                requireAtLeast(amount, wallet.broker().ledger().minimumLedgerBalance(), "the first deposit creates"
                        + " your ledger and");
            }
            Json.ok(response, browserTransactions.deposit(wallet.address(), amount));
            return;
        }
        wallet.broker().ledger().depositFund(amount);
        done(response, wallet);
    }

    private void transfer(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        JsonNode body = Json.body(request);
        Address provider = Params.address(body, "provider");
        BigInteger amount = Params.amount(body, "amount");
        if (wallet.inBrowser()) {
            LedgerDetail ledger = wallet.broker().ledger().ledgerIfExists()
                    .orElseThrow(() -> new LedgerNotFoundException(wallet.address()));
            Optional<Account> account = wallet.broker().inference().account(provider);
            if (account.isEmpty()) {
                wallet.broker().inference().getService(provider);
                requireAtLeast(amount, wallet.broker().ledger().minimumTransferAmount(), "the first transfer opens the"
                        + " provider's sub-account and");
            }
            BigInteger fromLedger = amount.subtract(amount.min(account.map(Account::pendingRefund).orElse(BigInteger.ZERO)));
            if (ledger.available().compareTo(fromLedger) < 0) {
                throw new ai.zerog.compute.sdk.InsufficientLedgerBalanceException("transferring " + Views.og(amount),
                        ledger.available(), fromLedger);
            }
            Json.ok(response, browserTransactions.transfer(wallet.address(), provider, amount));
            return;
        }
        wallet.broker().ledger().transferFund(provider, amount);
        done(response, wallet);
    }

    /** From one provider ({@code provider} set) or from all of them. */
    private void retrieve(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        Optional<Address> provider = Json.optionalText(Json.body(request), "provider")
                .map(text -> Params.address(text, "provider"));
        if (wallet.inBrowser()) {
            List<Address> providers = provider.map(List::of).orElseGet(() -> wallet.broker().ledger().getLedger()
                    .providers().stream().map(LedgerDetail.ProviderFunds::provider).toList());
            if (providers.isEmpty()) {
                throw new ApiProblem(409, "You have no provider sub-accounts, so there is nothing to retrieve.");
            }
            Json.ok(response, browserTransactions.retrieve(wallet.address(), providers));
            return;
        }
        if (provider.isPresent()) {
            wallet.broker().ledger().retrieveFundFromProvider(provider.get());
        } else {
            wallet.broker().ledger().retrieveFund();
        }
        done(response, wallet);
    }

    private void refund(ServerRequest request, ServerResponse response) {
        Wallet wallet = wallets.forRequest(request);
        BigInteger amount = Params.amount(Json.body(request), "amount");
        if (wallet.inBrowser()) {
            LedgerDetail ledger = wallet.broker().ledger().getLedger();
            if (ledger.available().compareTo(amount) < 0) {
                throw new ai.zerog.compute.sdk.InsufficientLedgerBalanceException("refunding " + Views.og(amount),
                        ledger.available(), amount, "refund at most " + Views.og(ledger.available())
                                + ", or retrieve funds from providers first");
            }
            Json.ok(response, browserTransactions.refund(wallet.address(), amount));
            return;
        }
        wallet.broker().ledger().refund(amount);
        done(response, wallet);
    }

    private static void requireAtLeast(BigInteger amount, BigInteger minimum, String why) {
        if (amount.compareTo(minimum) < 0) {
            throw ApiProblem.badRequest("At least " + Units.formatOg(minimum) + " 0G is needed: " + why
                    + " needs the network minimum. Enter " + Units.formatOg(minimum) + " or more.");
        }
    }

    private static void done(ServerResponse response, Wallet wallet) {
        ObjectNode body = Json.object().put("done", true);
        body.set("account", view(wallet));
        Json.ok(response, body);
    }
}
