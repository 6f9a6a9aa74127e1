#!/usr/bin/env bash
# tests/bench/bench-replay.sh — run by `./dev bench replay` inside the private keyring session.
# Prints:
#   1. importing a 10,000-entry HAR (about 50 MB, tests/bench/gen-har.py): wall time and peak
#      RSS (bench_har). Targets: <= 1 s, <= 3x the file size.
#   2. `keyhaven-cli replay --curl ... --with ITEM` one-shot against a local python3-httpbin,
#      against plain `curl` sending the same request with the same header, median wall time of
#      RUNS each, interleaved. Target: <= 1.5x curl.
# The History panel's filter over 100,000 rows is measured by `./dev bench ui`
# (bench_ui_filter --history, in bench-ui.sh).
set -euo pipefail
ROOT=${KEYHAVEN_ROOT:?run through ./dev bench}
BUILD=${KEYHAVEN_BUILD:-$ROOT/build/bench}
BIN=$BUILD/bin
RUNS=${KEYHAVEN_BENCH_REPLAY_RUNS:-21}
ENTRIES=${KEYHAVEN_BENCH_HAR_ENTRIES:-10000}
cmake --build "$BUILD" --target keyhaven-cli bench_har >/dev/null

# shellcheck source=lib.sh
source "$ROOT/tests/bench/lib.sh"
bench_workdir replay

echo "== HAR import ($ENTRIES entries)"
/usr/bin/python3 "$ROOT/tests/bench/gen-har.py" "$ENTRIES" "$WORK/big.har"
"$BIN/bench_har" "$WORK/big.har" 3
rm -f "$WORK/big.har"

echo "== keyhaven-cli replay one-shot vs curl (python3-httpbin on 127.0.0.1)"
unlock_keyring
port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
/usr/bin/python3 -m httpbin.core --host 127.0.0.1 --port "$port" >"$WORK/httpbin.log" 2>&1 &
pids+=($!)
url=http://127.0.0.1:$port/headers
for _ in $(seq 100); do curl -fs -o /dev/null "$url" && break; sleep 0.1; done
export KEYHAVEN_DATA_DIR=$WORK/data KEYHAVEN_KEYCHAIN_SERVICE=keyhaven-bench-replay
mkdir -p "$KEYHAVEN_DATA_DIR"
key=kh_bench_$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')
printf '%s' "$key" | "$BIN/keyhaven-cli" keys add bench --kind api-key \
  --base-url "http://127.0.0.1:$port" >/dev/null
"$BIN/keyhaven-cli" replay --curl "curl $url" --with bench | grep -q "$key" \
  || { echo "replay did not send the key"; exit 1; }

ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1; echo $(( ($(date +%s%N) - s) / 1000 )); }
kh=() cu=()
for _ in $(seq "$RUNS"); do
  kh+=("$(ms "$BIN/keyhaven-cli" replay --curl "curl $url" --with bench)")
  cu+=("$(ms curl -s -H "X-API-Key: $key" "$url")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
k=$(median "${kh[@]}") c=$(median "${cu[@]}")
awk -v k="$k" -v c="$c" -v n="$RUNS" 'BEGIN {
  printf "replay one-shot: keyhaven-cli %.1f ms, curl %.1f ms (median of %d): %.2fx curl (target <= 1.5x)\n",
    k / 1000, c / 1000, n, k / c }'
"$BIN/keyhaven-cli" keys rm bench >/dev/null 2>&1 || true
