package ai.zerog.compute.provider;

import ai.zerog.compute.chain.Account;
import ai.zerog.compute.chain.Service;
import ai.zerog.compute.core.AdmissionRule;
import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.ProviderError;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The account checks before a request costs anything (PROTOCOL.md §4.3 step 7, §7.4): the
 * user's sub-account exists and acknowledges this provider, our TEE signer is acknowledged on
 * chain, and the locked balance covers unsettled fees plus the 1 0G reserve. A refusal re-reads
 * the account from chain once first, so a fresh top-up is never refused from a stale cache.
 * When a user's headroom falls under two reserves, settlement is asked to run early.
 */
final class AccountStage implements ProxyHandler {
    private final ProxyHandler next;
    private final AccountStates states;
    private final FeeStore store;
    private final Address provider;
    private final Consumer<Address> earlySettlement;

    AccountStage(ProxyHandler next, AccountStates states, FeeStore store, Address provider,
                 Consumer<Address> earlySettlement) {
        this.next = next;
        this.states = states;
        this.store = store;
        this.provider = provider;
        this.earlySettlement = earlySettlement;
    }

    @Override
    public void handle(ProxyExchange exchange) {
        Address user = exchange.user();
        Service service = states.service().orElseThrow(() -> new BrokerErrorException(
                ProviderError.SERVICE_SIGNER_NOT_ACKNOWLEDGED));
        if (!service.teeSignerAcknowledged()) {
            states.invalidateService();
            if (!states.service().map(Service::teeSignerAcknowledged).orElse(false)) {
                throw new BrokerErrorException(ProviderError.SERVICE_SIGNER_NOT_ACKNOWLEDGED);
            }
        }
        BigInteger unsettled = store.unsettledFee(user);
        Account account = admitted(states.account(user), unsettled)
                .or(() -> admitted(states.refresh(user), unsettled))
                .orElseThrow(() -> refusal(states.account(user), unsettled));
        exchange.account(account);
        BigInteger headroom = account.usableBalance().subtract(unsettled);
        if (headroom.compareTo(AdmissionRule.MIN_LOCKED_BALANCE.shiftLeft(1)) < 0 && unsettled.signum() > 0) {
            earlySettlement.accept(user);
        }
        next.handle(exchange);
    }

    private static Optional<Account> admitted(Optional<Account> account, BigInteger unsettled) {
        return account.filter(Account::acknowledged)
                .filter(a -> AdmissionRule.admits(a.usableBalance(), BigInteger.ZERO, unsettled));
    }

    private BrokerErrorException refusal(Optional<Account> account, BigInteger unsettled) {
        if (account.isEmpty()) {
            return new BrokerErrorException(ProviderError.ACCOUNT_NOT_FOUND, provider.hex());
        }
        if (!account.get().acknowledged()) {
            return new BrokerErrorException(ProviderError.USER_NOT_ACKNOWLEDGED, provider.hex());
        }
        return BrokerErrorException.withMessage(ProviderError.INSUFFICIENT_BALANCE,
                AdmissionRule.insufficientBalanceMessage(account.get().usableBalance(), BigInteger.ZERO, unsettled,
                        provider));
    }
}
