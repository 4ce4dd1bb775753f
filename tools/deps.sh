#!/bin/sh
# Make sure the Debian packages inspex needs are installed.
# As root: installs what is missing. Otherwise: prints the exact apt command and fails.
PKGS="build-essential pkg-config libpcre2-dev libutf8proc-dev libjansson-dev nettle-dev python3 valgrind parallel ripgrep time bc"
missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
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
