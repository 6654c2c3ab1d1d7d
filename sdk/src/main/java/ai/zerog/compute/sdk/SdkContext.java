package ai.zerog.compute.sdk;

import ai.zerog.compute.chain.EvmRpc;
import ai.zerog.compute.chain.InferenceServingContract;
import ai.zerog.compute.chain.LedgerManagerContract;
import ai.zerog.compute.chain.NetworkProfile;
import ai.zerog.compute.chain.TransactionSender;
import ai.zerog.compute.core.WalletSigner;
import java.time.Clock;

/** What the ledger and inference brokers share: one wallet on one network. */
record SdkContext(NetworkProfile network, EvmRpc rpc, WalletSigner wallet, TransactionSender sender,
                  LedgerManagerContract ledgerContract, InferenceServingContract inferenceContract,
                  ProviderClient http, Clock clock) {
}
