#!/usr/bin/env bash
# packaging/fresh-install-test.sh DEB — installs the package in a fresh Debian 12 (the debootstrap
# base that ../shared/tools/fresh-debian keeps in /tmp/kh-fresh/base; run that once first) and
# checks what a user meets: apt pulls every dependency, keyhaven-cli --version, man keyhaven-cli,
# the GUI starts under Xvfb and paints its window, and apt-get remove leaves nothing in /usr.
# Needs root (chroot). Prints a PASS/FAIL line per check; exits non-zero if any failed.
set -u
deb=$(readlink -f "${1:?usage: fresh-install-test.sh keyhaven_VERSION_ARCH.deb [SCREENSHOT.png]}")
shot=${2:-}
base=/tmp/kh-fresh/base
[ -x "$base/bin/bash" ] || { echo "no base rootfs: run ../shared/tools/fresh-debian true first"; exit 2; }
r=$(mktemp -d /tmp/kh-fresh/pkg.XXXXXX)
cp -a "$base/." "$r/"
cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null
cp /usr/local/share/ca-certificates/*.crt "$r/usr/local/share/ca-certificates/" 2>/dev/null
chroot "$r" update-ca-certificates >/dev/null 2>&1
cp "$deb" "$r/root/"
for m in proc sys dev dev/pts dev/shm; do mkdir -p "$r/$m"; mount --bind "/$m" "$r/$m"; done
cleanup() { for m in dev/shm dev/pts dev sys proc; do umount -l "$r/$m" 2>/dev/null; done; rm -rf "$r"; }
trap cleanup EXIT

failed=0
in_guest() {
  chroot "$r" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    DEBIAN_FRONTEND=noninteractive bash -c "$1"
}
check() { # NAME COMMAND
  if in_guest "$2" >"$r/root/check.log" 2>&1; then echo "PASS  $1"; else
    echo "FAIL  $1"; sed 's/^/      /' "$r/root/check.log" | tail -20; failed=1; fi
}

name=$(basename "$deb")
check "apt-get install ./$name pulls every dependency" \
  "apt-get update -qq && apt-get install -y -qq ./root/$name >/root/apt.log 2>&1 || { tail -20 /root/apt.log; exit 1; }"
in_guest "dpkg -L keyhaven | sort" >"$r/root/files.txt" 2>/dev/null
check "keyhaven-cli --version" "keyhaven-cli --version | grep -q '^keyhaven-cli '"
check "keyhaven-cli decodes a token with no keychain around" \
  "echo eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln | keyhaven-cli decode --json | grep -q '\"sub\": \"x\"'"
check "man keyhaven-cli" \
  "apt-get install -y -qq man-db >/dev/null 2>&1 && MANWIDTH=80 man keyhaven-cli 2>/dev/null | grep -q 'EXIT STATUS'"
check "man keyhaven" "MANWIDTH=80 man keyhaven 2>/dev/null | grep -q 'keyhaven-cli'"
check "bash completion installed" "test -s /usr/share/bash-completion/completions/keyhaven-cli"
check "keyhaven starts under Xvfb and paints its window" \
  "apt-get install -y -qq xvfb xauth dbus-x11 gnome-keyring >/dev/null 2>&1 &&
   export KEYHAVEN_DATA_DIR=/root/khdata && dbus-run-session -- xvfb-run -a -s '-screen 0 1400x900x24' \
   keyhaven --sample-data --screenshot /root/shot.png && test -s /root/shot.png"
[ -n "$shot" ] && [ -s "$r/root/shot.png" ] && cp "$r/root/shot.png" "$shot"
check "apt-get remove leaves nothing in /usr" \
  "apt-get remove -y -qq keyhaven >/dev/null 2>&1 &&
   left=\$(grep '^/usr/' /root/files.txt | while read -r f; do [ -f \"\$f\" ] && echo \"\$f\"; done);
   [ -z \"\$left\" ] || { echo \"left behind: \$left\"; exit 1; }"
exit $failed
