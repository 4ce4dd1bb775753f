#!/bin/sh
# A run of `inspex extract --db` killed with SIGKILL at several moments
# leaves a valid database (PRAGMA integrity_check, foreign keys) holding
# whole documents only: its export is a byte-exact prefix, at a document
# boundary, of what a full JSON Lines run writes, and each stored document
# has as many records as that run gives it. The next run completes the
# database, skipping exactly the documents already stored.
# KILL_DOCS sets the dump size (default 600 documents).
INSPEX=${INSPEX:-./inspex}
case $INSPEX in /*) ;; *) INSPEX=$(pwd)/$INSPEX ;; esac
CORPUS=$(pwd)/corpus
N=${KILL_DOCS:-600}
T=$(mktemp -d) || exit 2
pid=
trap '[ -n "$pid" ] && kill -9 $pid 2>/dev/null; rm -rf "$T"' EXIT
cd "$T" || exit 2
pass=0; fail=0
ok() { pass=$((pass + 1)); echo "ok $1"; }
bad() { fail=$((fail + 1)); echo "not ok $1"; }
check() { name=$1; shift; if "$@"; then ok "$name"; else bad "$name"; fi; }
sq() { sqlite3 -batch db.sqlite "$@" 2>/dev/null; }

CORPUS=$CORPUS N=$N python3 - <<'PY'
import json, glob, os
texts = [open(p, encoding='utf-8', errors='replace').read()
         for p in sorted(glob.glob(os.environ['CORPUS'] + '/*.txt'))]
with open('dump.jsonl', 'w', encoding='utf-8') as f:
    for i in range(int(os.environ['N'])):
        f.write(json.dumps({'id': 'doc-%05d' % i, 'title': 'Story %d' % i,
                            'text': 'Story %d.\n\n' % i + texts[i % len(texts)]}) + '\n')
PY
"$INSPEX" extract dump.jsonl > full.jsonl
check "full JSON Lines run: $N documents" test "$(grep -c '^{"type":"doc"' full.jsonl)" = "$N"
# Records per document in the full run: "COUNT DOC" lines, in order.
sed 's/^{"type":"[a-z_]*","doc":"\([^"]*\)".*/\1/' full.jsonl | uniq -c | awk '{print $1, $2}' > full.counts

# Kill moments: very early (maybe before the schema exists), then once the
# database holds at least K documents, K growing across the runs.
kills=0
for target in early $((N / 12)) $((N / 4)) $((N / 2)) $((N * 3 / 4)) $((N * 9 / 10)); do
  "$INSPEX" extract --db db.sqlite dump.jsonl 2> run.err &
  pid=$!
  if [ "$target" = early ]; then
    sleep 0.05
  else
    i=0
    while kill -0 $pid 2>/dev/null && [ "$(sq 'SELECT count(*) FROM docs' || echo 0)" -lt "$target" ] && [ $i -lt 3000 ]; do
      sleep 0.02; i=$((i + 1))
    done
  fi
  if kill -9 $pid 2>/dev/null; then kills=$((kills + 1)); fi
  wait $pid 2>/dev/null
  pid=
  # No file yet passes the same two checks as an empty database, so the
  # suite's count does not depend on how far the run got.
  [ -f db.sqlite ] || { ok "kill at $target: no database yet (integrity)"
                        ok "kill at $target: no database yet (foreign keys)"; continue; }
  stored=$(sq 'SELECT count(*) FROM docs' || echo 0)
  check "kill at $target ($stored stored): integrity_check ok" test "$(sq 'PRAGMA integrity_check')" = ok
  check "kill at $target: foreign keys hold" test -z "$(sq 'PRAGMA foreign_key_check')"
  [ "$stored" -gt 0 ] || continue
  "$INSPEX" export --jsonl db.sqlite > part.jsonl
  size=$(wc -c < part.jsonl)
  next=$(tail -c +$((size + 1)) full.jsonl | head -n 1 | cut -c1-16)
  check "kill at $target: export is a byte-exact prefix of the full run" cmp -s -n "$size" part.jsonl full.jsonl
  case $next in '{"type":"doc",'*|'{"type":"error",'*|'') ok "kill at $target: ... ending at a document boundary" ;;
    *) bad "kill at $target: ... ending at a document boundary (next: $next)" ;; esac
  sq "SELECT count(*), d.doc FROM docs d JOIN records r ON r.doc_id = d.id GROUP BY d.id ORDER BY d.id" | tr '|' ' ' > part.counts
  check "kill at $target: each stored document has the full run's record count" \
    sh -c "head -n $stored full.counts | cmp -s - part.counts"
  check "kill at $target: typed tables agree with records" test \
    "$(sq "SELECT (SELECT count(*) FROM records WHERE type='council') - (SELECT count(*) FROM councils)
             + (SELECT count(*) FROM records WHERE type='rating') - (SELECT count(*) FROM ratings)
             + (SELECT count(*) FROM records WHERE type='quote') - (SELECT count(*) FROM quotes)
             + (SELECT count(*) FROM records WHERE type='council_rating') - (SELECT count(*) FROM council_ratings)
             + (SELECT count(*) FROM docs WHERE id NOT IN (SELECT doc_id FROM records WHERE ord = 0))")" = 0
done
check "at least 4 runs were killed part-way ($kills)" test "$kills" -ge 4
check "killed runs are recorded as unfinished" test "$(sq 'SELECT count(*) FROM runs WHERE finished IS NULL')" -ge 4

stored=$(sq 'SELECT count(*) FROM docs')
"$INSPEX" extract --db db.sqlite dump.jsonl 2> run.err; rc=$?
check "the next run completes: exit 0" test $rc = 0
check "it skips exactly the $stored stored documents and processes the other $((N - stored))" \
  grep -q "db.sqlite: $((N - stored)) documents processed ($((N - stored)) new, 0 changed or re-extracted), $stored unchanged skipped" run.err
"$INSPEX" export --jsonl db.sqlite > all.jsonl
check "the completed database exports exactly the full run" cmp -s all.jsonl full.jsonl
check "integrity_check after completion" test "$(sq 'PRAGMA integrity_check')" = ok
check "the last run is finished, with its counts" \
  test "$(sq 'SELECT docs || "/" || skipped FROM runs WHERE finished IS NOT NULL ORDER BY id DESC LIMIT 1')" = "$((N - stored))/$stored"

echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
