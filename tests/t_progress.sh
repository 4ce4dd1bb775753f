#!/bin/sh
# t_progress.sh — progress goes to stderr only when asked for or when stderr
# is a terminal, never into the records: --progress prints a final
# "N docs ... MB/s" line; --quiet and a redirected stderr print none; the
# records are the same bytes either way; on a terminal (a pty from
# script(1)) it is drawn in place with \r.
cd "$(dirname "$0")/.." || exit 2
INSPEX=${INSPEX:-./inspex}
T=$(mktemp -d) || exit 2
trap 'rm -rf "$T"' EXIT
pass=0; fail=0
ok() { pass=$((pass + 1)); }
no() { fail=$((fail + 1)); echo "not ok: $*"; }
n=$(ls corpus/*.txt | wc -l)

"$INSPEX" extract corpus/ > "$T/plain.out" 2> "$T/plain.err"
[ ! -s "$T/plain.err" ] && ok || no "progress or messages on a redirected stderr: $(head -c 200 "$T/plain.err")"
"$INSPEX" extract --progress corpus/ > "$T/prog.out" 2> "$T/prog.err"
grep -Eq "^inspex: $n docs  [0-9.]+ MB  [0-9.]+ MB/s  in [0-9.]+ s$" "$T/prog.err" && ok || no "--progress final line: $(cat "$T/prog.err")"
cmp -s "$T/plain.out" "$T/prog.out" && ok || no "--progress changed the records"
"$INSPEX" extract --progress --quiet corpus/ > /dev/null 2> "$T/quiet.err"
[ ! -s "$T/quiet.err" ] && ok || no "--quiet still printed: $(cat "$T/quiet.err")"
"$INSPEX" extract --progress -j 2 --input jsonl - < /dev/null > /dev/null 2> "$T/stdin.err"
grep -q "^inspex: 0 docs" "$T/stdin.err" && ok || no "--progress on empty stdin: $(cat "$T/stdin.err")"
if command -v script > /dev/null; then
  script -qec "$INSPEX extract corpus/ > $T/tty.out" /dev/null > "$T/tty.log" 2>&1
  grep -q "$n docs" "$T/tty.log" && ok || no "no progress on a terminal: $(head -c 200 "$T/tty.log")"
  tr '\r' '\n' < "$T/tty.log" | grep -q "docs" && grep -q "$(printf '\r')" "$T/tty.log" && ok || no "progress on a terminal is not drawn with \\r"
  cmp -s "$T/plain.out" "$T/tty.out" && ok || no "records differ when stderr is a terminal"
fi
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
