#!/bin/sh
# tests/fuzz/mkseeds.sh OUT — builds the seed corpus of every fuzz target
# from the project's own files (nothing is committed as a blob):
#   normalize, extract   corpus/*.txt as they are
#   jsonl                each corpus text as a JSON Lines record, one dump of all
#   rules                patterns/*.pat
#   numbers              the phrases of patterns/numbers.tsv and quantity phrases
set -e
out=${1:?usage: mkseeds.sh OUTDIR}
cd "$(dirname "$0")/../.."
for t in normalize extract jsonl rules numbers; do mkdir -p "$out/$t"; done
for f in corpus/*.txt; do
  b=$(basename "$f" .txt)
  cp "$f" "$out/normalize/$b"
  cp "$f" "$out/extract/$b"
done
for f in patterns/*.pat; do cp "$f" "$out/rules/$(basename "$f")"; done
python3 - "$out" <<'PY'
import json, glob, os, sys
out = sys.argv[1]
docs = sorted(glob.glob("corpus/*.txt"))
allrecs = []
for i, f in enumerate(docs):
    text = open(f, "rb").read().decode("utf-8", "replace")
    rec = json.dumps({"id": os.path.basename(f), "title": "T", "date": "2016-06-28", "text": text})
    allrecs.append(rec)
    open(os.path.join(out, "jsonl", "doc%02d" % i), "w").write(rec + "\n")
open(os.path.join(out, "jsonl", "all"), "w").write("\n".join(allrecs[:5]) + "\n")
open(os.path.join(out, "jsonl", "bad"), "w").write('{"text": 3}\n[1,2]\n{"text":"a"\n\n{"url":"u","text":"x\\u0000y"}')
words = []
for line in open("patterns/numbers.tsv", encoding="utf-8"):
    if line.startswith("#") or "\t" not in line: continue
    words.append(line.split("\t")[0])
phrases = words + ["twenty-six", "one hundred and twelve", "1,400", "a quarter", "three-quarters",
    "four out of five", "seven out of 18", "10 of 43", "44 per cent", "44%", "one in four",
    "the 26", "only ten", "two thirds", "over half", "87 percent"]
for i, p in enumerate(phrases):
    open(os.path.join(out, "numbers", "p%03d" % i), "w").write(p)
PY
