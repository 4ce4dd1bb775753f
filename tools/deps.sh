#!/bin/sh
# Make sure the Debian packages inspex needs are installed.
# As root: installs what is missing. Otherwise: prints the exact apt command and fails.
PKGS="build-essential pkg-config libpcre2-dev libutf8proc-dev libjansson-dev nettle-dev python3 valgrind zlib1g-dev libzstd-dev libsqlite3-dev libjemalloc-dev sqlite3 zstd gzip parallel ripgrep time bc"
# With --test, also what only the tests use, best effort (a test whose tool is
# missing says SKIPPED): chromium renders the audit report (t_audit_browser.sh).
TEST_PKGS="chromium"
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
if [ "$1" = "--test" ]; then
  optional=""
  for p in $TEST_PKGS; do installed "$p" || optional="$optional $p"; done
  [ -z "$optional" ] && exit 0
  if [ "$(id -u)" = 0 ]; then
    echo "deps: installing for the tests:$optional"
    export DEBIAN_FRONTEND=noninteractive
    { apt-get update -qq && apt-get install -y -qq $optional >/dev/null; } ||
      echo "deps: could not install$optional; the tests that need it will say SKIPPED" >&2
  else
    echo "deps: for the browser test: sudo apt-get install -y$optional (else it is SKIPPED)" >&2
  fi
  exit 0
fi
missing=""
for p in $PKGS; do
  installed "$p" || missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ]; then
  echo "deps: installing:$missing"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq $missing >/dev/null || { echo "deps: apt-get failed" >&2; exit 1; }
else
  echo "deps: missing Debian packages:$missing" >&2
  echo "deps: run: sudo apt-get install -y$missing" >&2
  exit 1
fi
