package ai.zerog.compute.chain;

import ai.zerog.compute.core.Address;
import ai.zerog.compute.core.Secp256k1Key;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Brings a local chain to a usable devnet: our contracts deployed (or found, when the chain
 * was restored from a state file), chosen accounts funded up to a target balance, and the
 * network profile written. Running it again against the same chain sends no deployment.
 */
public final class DevnetDeployer {
    /** What to set up; {@code fundTo} maps accounts to the balance (neuron) they should have at least. */
    public record Options(Duration lockTime, LedgerMinimums minimums, Map<Address, BigInteger> fundTo,
                          Path profileFile) {
        public Options {
            fundTo = Map.copyOf(new LinkedHashMap<>(fundTo));
            if (lockTime.toSeconds() < 3600 || lockTime.toSeconds() > 604800) {
                throw new ChainException("lockTime must be between 1 hour and 7 days, got " + lockTime);
            }
        }

        public static Options defaults(Path profileFile) {
            return new Options(Deployer.DEFAULT_LOCK_TIME, LedgerMinimums.MAINNET, Map.of(), profileFile);
        }

        public Options withFunding(Map<Address, BigInteger> targets) {
            return new Options(lockTime, minimums, targets, profileFile);
        }

        public Options withLockTime(Duration value) {
            return new Options(value, minimums, fundTo, profileFile);
        }
    }

    /** The outcome: the profile and whether this call deployed (false when it found a deployment). */
    public record Result(NetworkProfile profile, boolean deployed) {
    }

    private DevnetDeployer() {
    }

    public static Result ensureDeployed(EvmRpc rpc, Secp256k1Key deployerKey, Options options) {
        TransactionSender sender = TransactionSender.create(rpc, deployerKey);
        Optional<NetworkProfile> existing = findExisting(rpc, options.profileFile());
        NetworkProfile profile;
        boolean deployed = existing.isEmpty();
        if (existing.isPresent()) {
            profile = existing.get().withRpc(rpc.url());
        } else {
            Deployment deployment = Deployer.deploy(sender, DeploymentPlan.ours(options.minimums()),
                    options.lockTime(), "devnet");
            profile = deployment.profile("devnet", rpc.url());
        }
        for (Map.Entry<Address, BigInteger> target : options.fundTo().entrySet()) {
            BigInteger missing = target.getValue().subtract(rpc.balanceOf(target.getKey()));
            if (missing.signum() > 0) {
                sender.transfer(target.getKey(), missing);
            }
        }
        profile.writeTo(options.profileFile());
        return new Result(profile, deployed);
    }

    private static Optional<NetworkProfile> findExisting(EvmRpc rpc, Path profileFile) {
        long chainId = rpc.chainId();
        if (Files.isRegularFile(profileFile)) {
            NetworkProfile saved = NetworkProfile.readFrom(profileFile);
            if (saved.chainId() == chainId && Deployer.isDeployed(rpc, saved.ledger(), saved.inference())) {
                return Optional.of(saved);
            }
        }
        NetworkProfile defaults = NetworkProfile.DEVNET;
        if (Deployer.isDeployed(rpc, defaults.ledger(), defaults.inference())) {
            return Optional.of(new NetworkProfile("devnet", chainId, rpc.url(), defaults.ledger(), defaults.inference()));
        }
        return Optional.empty();
    }
}
