package ai.zerog.compute.devnet;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to start anvil. Build with {@link #builder()}; {@link #defaults()} gives a free port, chain id
 * 31337, automine, 10 accounts of 10000 0G from anvil's well-known test mnemonic, no state file and
 * a discarded log.
 *
 * @param host           address to listen on
 * @param port           port to listen on; 0 lets anvil pick a free one
 * @param chainId        chain id
 * @param blockTime      interval mining; empty mines one block per transaction
 * @param stateFile      anvil {@code --state} file: loaded at start if present, written when the node stops
 * @param accounts       number of funded dev accounts
 * @param balance        balance of each dev account in whole 0G
 * @param mnemonic       BIP39 mnemonic the dev accounts derive from
 * @param extraArgs      further anvil arguments, appended last
 * @param startupTimeout how long to wait for the first {@code eth_chainId} answer
 * @param logFile        file anvil's stdout and stderr are appended to; empty keeps only the last lines in memory
 */
public record AnvilOptions(String host, int port, long chainId, Optional<Duration> blockTime,
                           Optional<Path> stateFile, int accounts, long balance, String mnemonic,
                           List<String> extraArgs, Duration startupTimeout, Optional<Path> logFile) {

    public static final long DEFAULT_CHAIN_ID = 31337;
    public static final String DEFAULT_MNEMONIC = "test test test test test test test test test test test junk";

    public AnvilOptions {
        requireText(host, "host");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 picks a free port), got " + port);
        }
        if (chainId <= 0) {
            throw new IllegalArgumentException("chainId must be positive, got " + chainId);
        }
        Objects.requireNonNull(blockTime, "blockTime");
        blockTime.ifPresent(time -> {
            if (time.toMillis() < 1) {
                throw new IllegalArgumentException("blockTime must be at least 1 ms, got " + time);
            }
        });
        Objects.requireNonNull(stateFile, "stateFile");
        if (accounts < 1) {
            throw new IllegalArgumentException("accounts must be at least 1, got " + accounts);
        }
        if (balance < 0) {
            throw new IllegalArgumentException("balance must be at least 0 (whole 0G), got " + balance);
        }
        requireText(mnemonic, "mnemonic");
        extraArgs = List.copyOf(extraArgs);
        requirePositive(Objects.requireNonNull(startupTimeout, "startupTimeout"), "startupTimeout");
        Objects.requireNonNull(logFile, "logFile");
    }

    public static AnvilOptions defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder().host(host).port(port).chainId(chainId).accounts(accounts)
                .balance(balance).mnemonic(mnemonic).extraArgs(extraArgs).startupTimeout(startupTimeout);
        builder.blockTime = blockTime;
        builder.stateFile = stateFile;
        builder.logFile = logFile;
        return builder;
    }

    // A custom mnemonic is a secret: keep it out of logs.
    @Override
    public String toString() {
        return "AnvilOptions[host=" + host + ", port=" + port + ", chainId=" + chainId
                + ", blockTime=" + blockTime + ", stateFile=" + stateFile + ", accounts=" + accounts
                + ", balance=" + balance + " 0G, mnemonic=" + (mnemonic.equals(DEFAULT_MNEMONIC) ? "default" : "<custom>")
                + ", extraArgs=" + extraArgs + ", startupTimeout=" + startupTimeout + ", logFile=" + logFile + "]";
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /** Builder starting from the defaults. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private long chainId = DEFAULT_CHAIN_ID;
        private Optional<Duration> blockTime = Optional.empty();
        private Optional<Path> stateFile = Optional.empty();
        private int accounts = 10;
        private long balance = 10_000;
        private String mnemonic = DEFAULT_MNEMONIC;
        private List<String> extraArgs = List.of();
        private Duration startupTimeout = Duration.ofSeconds(30);
        private Optional<Path> logFile = Optional.empty();

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder chainId(long chainId) {
            this.chainId = chainId;
            return this;
        }

        /** Mines a block every {@code interval} instead of one per transaction. */
        public Builder blockTime(Duration interval) {
            this.blockTime = Optional.of(interval);
            return this;
        }

        public Builder automine() {
            this.blockTime = Optional.empty();
            return this;
        }

        public Builder stateFile(Path file) {
            this.stateFile = Optional.of(file);
            return this;
        }

        public Builder accounts(int accounts) {
            this.accounts = accounts;
            return this;
        }

        /** Balance of each dev account in whole 0G. */
        public Builder balance(long wholeZeroG) {
            this.balance = wholeZeroG;
            return this;
        }

        public Builder mnemonic(String mnemonic) {
            this.mnemonic = mnemonic;
            return this;
        }

        public Builder extraArgs(List<String> args) {
            this.extraArgs = new ArrayList<>(args);
            return this;
        }

        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        public Builder logFile(Path file) {
            this.logFile = Optional.of(file);
            return this;
        }

        public AnvilOptions build() {
            return new AnvilOptions(host, port, chainId, blockTime, stateFile, accounts, balance, mnemonic,
                    extraArgs, startupTimeout, logFile);
        }
    }
}
