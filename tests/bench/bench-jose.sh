#!/usr/bin/env bash
# tests/bench/bench-jose.sh — run by `./dev bench jose` (KEYHAVEN_ROOT, KEYHAVEN_BUILD set).
#
# 1. verify/s of keyhaven (full verification) vs a bare OpenSSL EVP loop: HS256 RS256 ES256 EdDSA
# 2. HS256 verify/s of PyJWT (Debian python3-jwt) and node `jose` (npm, cached in build/bench-node)
# 3. one-shot wall time of `keyhaven-cli verify` vs Debian's `jose jws ver`
# Targets: RS256/ES256/EdDSA >= 0.9x EVP; HS256 >= 5x PyJWT and >= 2x node jose; CLI <= 1.5x jose.
set -euo pipefail
ROOT=${KEYHAVEN_ROOT:?}
BUILD=${KEYHAVEN_BUILD:-$ROOT/build/bench}
BIN=$BUILD/bin
WORK=$(mktemp -d "${TMPDIR:-/tmp}/keyhaven-bench-jose.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
MIN_TIME=${BENCH_MIN_TIME:-1}
RUNS=${BENCH_CLI_RUNS:-50}
status=0

"$BIN/bench_jose" --emit "$WORK"

echo "== keyhaven vs raw OpenSSL EVP (verify/s, single thread)"
"$BIN/bench_jose" --benchmark_min_time="$MIN_TIME" --benchmark_format=json >"$WORK/bench.json" 2>/dev/null
python3 - "$WORK/bench.json" >"$WORK/rates.env" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
rate = {b["name"]: b["verify/s"] for b in d["benchmarks"]}
for alg in ("HS256", "RS256", "ES256", "EdDSA"):
    print(f"KH_{alg}={rate['keyhaven/' + alg]:.0f}")
    print(f"EVP_{alg}={rate['evp/' + alg]:.0f}")
PY
# shellcheck disable=SC1091
. "$WORK/rates.env"
ratio() { python3 -c "print(f'{$1/$2:.2f}')"; }
check() { # check LABEL RATIO TARGET
  if python3 -c "import sys; sys.exit(0 if $2 >= $3 else 1)"; then
    printf '  %-44s %6sx  (target >= %sx) ok\n' "$1" "$2" "$3"
  else
    printf '  %-44s %6sx  (target >= %sx) MISSED\n' "$1" "$2" "$3"; status=1
  fi
}
printf '  %-8s %14s %14s\n' alg keyhaven evp
for alg in HS256 RS256 ES256 EdDSA; do
  kh=KH_$alg evp=EVP_$alg
  printf '  %-8s %14s %14s\n' "$alg" "${!kh}" "${!evp}"
done
for alg in RS256 ES256 EdDSA; do
  kh=KH_$alg evp=EVP_$alg
  check "$alg keyhaven / EVP" "$(ratio "${!kh}" "${!evp}")" 0.9
done
echo "  HS256 keyhaven / EVP: $(ratio "$KH_HS256" "$EVP_HS256")x (informational: full JWT checks vs a bare MAC)"

echo "== HS256 vs PyJWT and node jose (verify/s)"
PYJWT=$(/usr/bin/python3 - "$WORK/hs256.jwt" "$WORK/hs256.key" <<'PY'
import sys, time, jwt
token = open(sys.argv[1]).read()
key = open(sys.argv[2], "rb").read()
opts = dict(algorithms=["HS256"], audience="api://bench", issuer="https://issuer.example")
jwt.decode(token, key, **opts)
n, t0 = 0, time.perf_counter()
while time.perf_counter() - t0 < 2.0:
    for _ in range(1000):
        jwt.decode(token, key, **opts)
    n += 1000
print(f"{n / (time.perf_counter() - t0):.0f}")
PY
)
NODE_DIR=$ROOT/build/bench-node
if [ ! -d "$NODE_DIR/node_modules/jose" ]; then
  mkdir -p "$NODE_DIR"
  npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" jose@5 >/dev/null 2>&1 \
    || npm install --silent --no-audit --no-fund --prefix "$NODE_DIR" jose@4 >/dev/null
fi
cat >"$WORK/bench.mjs" <<JS
import { jwtVerify } from "$NODE_DIR/node_modules/jose/dist/node/esm/index.js";
import { readFileSync } from "node:fs";
const token = readFileSync("$WORK/hs256.jwt", "utf8");
const key = new Uint8Array(readFileSync("$WORK/hs256.key"));
const opts = { algorithms: ["HS256"], audience: "api://bench", issuer: "https://issuer.example" };
await jwtVerify(token, key, opts);
let n = 0; const t0 = process.hrtime.bigint();
while (Number(process.hrtime.bigint() - t0) < 2e9) {
  for (let i = 0; i < 1000; i++) await jwtVerify(token, key, opts);
  n += 1000;
}
console.log(Math.round(n / (Number(process.hrtime.bigint() - t0) / 1e9)));
JS
NODEJOSE=$(node "$WORK/bench.mjs")
NODE_VERSION=$(node -p 'require(process.argv[1]).version' "$NODE_DIR/node_modules/jose/package.json")
printf '  %-22s %10s verify/s\n' "keyhaven HS256" "$KH_HS256" "PyJWT $(/usr/bin/python3 -c 'import jwt; print(jwt.__version__)')" "$PYJWT" \
  "node jose $NODE_VERSION" "$NODEJOSE"
check "HS256 keyhaven / PyJWT" "$(ratio "$KH_HS256" "$PYJWT")" 5
check "HS256 keyhaven / node jose" "$(ratio "$KH_HS256" "$NODEJOSE")" 2

echo "== one-shot CLI: keyhaven-cli verify vs jose jws ver (ES256, mean of $RUNS runs)"
oneshot() { # prints mean ms
  local i t0 t1
  "$@" >/dev/null 2>&1 || { echo "command failed: $*" >&2; return 1; }
  t0=$(date +%s%N)
  for ((i = 0; i < RUNS; i++)); do "$@" >/dev/null 2>&1; done
  t1=$(date +%s%N)
  python3 -c "print(f'{($t1 - $t0) / $RUNS / 1e6:.2f}')"
}
# Both get the same JWK file; the PEM figure is informational (OpenSSL's PEM decoder is slower).
KH_MS=$(oneshot "$BIN/keyhaven-cli" verify --key "$WORK/es256.jwk" "$(cat "$WORK/es256.jwt")")
KH_PEM_MS=$(oneshot "$BIN/keyhaven-cli" verify --key "$WORK/es256.pem" "$(cat "$WORK/es256.jwt")")
JOSE_MS=$(oneshot jose jws ver -i "$WORK/es256.jwt" -k "$WORK/es256.jwk")
printf '  keyhaven-cli verify --key JWK  %8s ms\n  keyhaven-cli verify --key PEM  %8s ms\n  jose jws ver -k JWK            %8s ms\n' \
  "$KH_MS" "$KH_PEM_MS" "$JOSE_MS"
CLI_RATIO=$(ratio "$KH_MS" "$JOSE_MS")
if python3 -c "import sys; sys.exit(0 if $CLI_RATIO <= 1.5 else 1)"; then
  printf '  %-44s %6sx  (target <= 1.5x) ok\n' "keyhaven-cli / jose jws ver" "$CLI_RATIO"
else
  printf '  %-44s %6sx  (target <= 1.5x) MISSED\n' "keyhaven-cli / jose jws ver" "$CLI_RATIO"; status=1
fi
exit $status
