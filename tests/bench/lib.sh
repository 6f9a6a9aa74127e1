# tests/bench/lib.sh — sourced by the bench-*.sh scripts (inside `./dev keyring`).

# bench_workdir NAME: a scratch folder in WORK, and the array pids of background processes; both
# are cleaned up on exit.
bench_workdir() {
  WORK=$(mktemp -d "${TMPDIR:-/tmp}/keyhaven-bench-$1.XXXXXX")
  pids=()
  trap bench_cleanup EXIT
}
bench_cleanup() {
  local p
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  rm -rf "$WORK"
}

# unlock_keyring: this gnome-keyring creates no login collection for an empty password, and
# without a default collection every write fails ("Object does not exist at path .../collection/login"). Replace
# the daemon of `./dev keyring` by one unlocked with a throwaway password.
unlock_keyring() {
  if ! dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
      org.freedesktop.Secret.Service.ReadAlias string:default 2>/dev/null | grep -q collection/; then
    printf 'keyhaven-bench' | gnome-keyring-daemon --replace --foreground --unlock \
      --components=secrets >"$WORK/keyring.log" 2>&1 &
    pids+=($!)
    sleep 1.5
    for _ in $(seq 100); do
      dbus-send --session --print-reply --dest=org.freedesktop.secrets \
        /org/freedesktop/secrets/collection/login org.freedesktop.DBus.Properties.Get \
        string:org.freedesktop.Secret.Collection string:Locked 2>/dev/null \
        | grep -q 'boolean false' && break
      sleep 0.1
    done
  fi
}
