#!/usr/bin/env bash
# ./dev bench vault — fills a throwaway store through the Vault and times keyhaven-cli's listing.
# KEYHAVEN_BENCH_VAULT_ITEMS (default 1000) sets the size; the GUI's cold start wants 10000.
set -euo pipefail
: "${KEYHAVEN_BUILD:?run through ./dev bench}"
n=${KEYHAVEN_BENCH_VAULT_ITEMS:-1000}
dir=$(mktemp -d "${TMPDIR:-/tmp}/keyhaven-bench-vault.XXXXXX")
trap 'rm -rf "$dir"' EXIT
export KEYHAVEN_KEYCHAIN_SERVICE=keyhaven-bench-vault KEYHAVEN_DATA_DIR=$dir
"$KEYHAVEN_BUILD/bin/bench_fill" "$dir" "$n"
start=$(date +%s%N)
"$KEYHAVEN_BUILD/bin/keyhaven-cli" keys list --json >/dev/null
echo "keys list --json over $n items: $(( ($(date +%s%N) - start) / 1000000 )) ms"
