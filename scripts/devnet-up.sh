#!/usr/bin/env bash
# Starts a local devnet until Ctrl-C through `0g-compute-cli devnet up`: anvil + our contracts at the
# official chain-31337 addresses, three dev providers (chatbot, text-to-image, speech-to-text), a funded
# dev wallet and a verified chat. The devnet becomes the CLI's active network (try bin/0g-compute-cli get-account).
# Usage: scripts/devnet-up.sh [rpcPort=8545] [providerPort=8080] [dataDir=devnet-data] [more `devnet up` options]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/java-env.sh
rpc_port="${1:-8545}"; provider_port="${2:-8080}"; data_dir="${3:-devnet-data}"
shift $(( $# < 3 ? $# : 3 ))
exec bin/0g-compute-cli devnet up --rpc-port "$rpc_port" --provider-port "$provider_port" --data-dir "$data_dir" "$@"
