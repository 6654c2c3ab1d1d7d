package ai.zerog.compute.cli.bench;

/** Everything measured at one concurrency: our proxy, the official one, and the provider without a proxy. */
record ConcurrencyRow(int concurrency, Round ours, Round official, Round direct) {
}
