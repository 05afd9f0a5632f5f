#!/usr/bin/env bash
# The extraction benchmark: quality of `quotes extract` on PolNeAR's development split, the
# seed article and the team's test articles, next to two naive baselines scored in the same
# run, then its speed (extract_bench). Prints scores and ratios; asserts nothing.
#
#   bench/extraction/run.sh [--train] [--final-evaluation] [POLNEAR_DIR]
#
# POLNEAR_DIR (or the environment variable of that name) is a PolNeAR checkout or its git
# directory (https://github.com/networkdynamics/PolNeAR). Its texts are converted at run time
# into build/bench/ and never copied into the repository. Only the dev split is scored
# (--train adds the train split); the test split is reserved for a final evaluation, which
# --final-evaluation runs: its figures are reported, never tuned on.
# QE_BUILD_DIR (default build/native) is where quotes and extract_bench are built;
# QE_SKIP_BUILD=1 uses them as they are.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
HERE="$ROOT/bench/extraction"
BUILD_DIR=${QE_BUILD_DIR:-$ROOT/build/native}
OUT="$ROOT/build/bench"
TRAIN=0
FINAL=0
POLNEAR=${POLNEAR_DIR:-}
for arg in "$@"; do
  case "$arg" in
    --train) TRAIN=1 ;;
    --final-evaluation) FINAL=1 ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    -*) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    *) POLNEAR=$arg ;;
  esac
done

log() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

if [ "${QE_SKIP_BUILD:-0}" != 1 ]; then
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    cmake -S "$ROOT" -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
  fi
  cmake --build "$BUILD_DIR" -j "$(nproc 2>/dev/null || echo 2)" --target quotes extract_bench >/dev/null
fi
QUOTES="$BUILD_DIR/quotes"
[ -x "$QUOTES" ] || { echo "run.sh: no $QUOTES; build it or unset QE_SKIP_BUILD" >&2; exit 1; }

# extract_all TITLES_TSV TEXT_DIR OUT.jsonl: quotes extract on each ID.txt with its --id and
# --title (a given title keeps the first line a paragraph); seconds taken on stderr.
extract_all() {
  local titles=$1 texts=$2 out=$3 id title start
  start=$(date +%s%N)
  : >"$out"
  while IFS=$'\t' read -r id title; do
    "$QUOTES" extract --id "$id" --title "$title" --format jsonl "$texts/$id.txt" >>"$out" ||
      echo "run.sh: quotes extract failed on $texts/$id.txt" >&2
  done <"$titles"
  printf '(quotes extract: %d article(s) in %d ms, one process each)\n' "$(wc -l <"$titles")" \
    "$(( ($(date +%s%N) - start) / 1000000 ))"
}

# score_all DIR GOLD: scores extracted.jsonl and the two baselines against GOLD, then a
# one-table summary with the extractor's F1 over each baseline's.
score_all() {
  local dir=$1 gold=$2 name
  python3 "$HERE/baselines.py" marks "$gold" "$dir/marks.jsonl"
  python3 "$HERE/baselines.py" sentences "$gold" "$dir/sentences.jsonl"
  for name in extracted marks sentences; do
    printf '\n-- %s\n' "$([ $name = extracted ] && echo "quotes extract" || echo "baseline: $name")"
    "$QUOTES" score "$gold" "$dir/$name.jsonl" --format text 2> >(sed -n '1,5p' >&2) || true
    "$QUOTES" score "$gold" "$dir/$name.jsonl" >"$dir/$name.score.json" 2>/dev/null || true
  done
  python3 "$HERE/summary.py" "$dir"
}

# rebuild DIR SEPARATOR GOLD_FILES...: a gold JSONL and text files rebuilt from the gold paragraphs
# (one per line for the seed, blank lines between them for the test articles).
rebuild() {
  local dir=$1 separator=$2
  shift 2
  rm -rf "$dir" && mkdir -p "$dir/texts"
  python3 - "$dir" "$separator" "$@" <<'EOF'
import json, sys
out, separator, files = sys.argv[1], sys.argv[2].encode().decode("unicode_escape"), sys.argv[3:]
with open(f"{out}/gold.jsonl", "w", encoding="utf-8") as gold, open(f"{out}/titles.tsv", "w", encoding="utf-8") as titles:
    for path in files:
        with open(path, encoding="utf-8") as f:
            article = json.load(f)
        with open(f"{out}/texts/{article['id']}.txt", "w", encoding="utf-8") as f:
            f.write(separator.join(article["paragraphs"]) + "\n")
        gold.write(json.dumps(article, ensure_ascii=False) + "\n")
        titles.write(f"{article['id']}\t{' '.join(article['title'].split())}\n")
EOF
}

SPLITS=()
if [ -z "$POLNEAR" ]; then
  log "PolNeAR: skipped"
  echo "No PolNeAR given. Clone https://github.com/networkdynamics/PolNeAR and pass its path"
  echo "(or its git directory) as an argument or in POLNEAR_DIR to score the dev split."
elif [ ! -e "$POLNEAR" ]; then
  echo "run.sh: POLNEAR_DIR=$POLNEAR does not exist; expected a PolNeAR checkout or git directory" >&2
  exit 2
else
  SPLITS=(dev)
  [ "$TRAIN" = 1 ] && SPLITS+=(train)
  [ "$FINAL" = 1 ] && SPLITS+=(test)
fi

for split in "${SPLITS[@]}"; do
  dir="$OUT/polnear/$split"
  log "PolNeAR $split"
  rm -rf "$dir"
  python3 "$HERE/polnear_to_gold.py" $([ "$split" = test ] && echo --final-evaluation) "$POLNEAR" "$split" "$dir"
  extract_all "$dir/titles.tsv" "$dir/texts" "$dir/extracted.jsonl"
  score_all "$dir" "$dir/gold.jsonl"
done

log "seed article (assets/articles/lavrov-european-troops.json, paragraphs one per line)"
dir="$OUT/seed"
rebuild "$dir" '\n' "$ROOT/assets/articles/lavrov-european-troops.json"
extract_all "$dir/titles.tsv" "$dir/texts" "$dir/extracted.jsonl"
score_all "$dir" "$dir/gold.jsonl"

if compgen -G "$ROOT/tests/data/extraction/*.json" >/dev/null; then
  log "test articles (tests/data/extraction/*.json, paragraphs separated by blank lines)"
  dir="$OUT/test-articles"
  rebuild "$dir" '\n\n' "$ROOT"/tests/data/extraction/*.json
  extract_all "$dir/titles.tsv" "$dir/texts" "$dir/extracted.jsonl"
  score_all "$dir" "$dir/gold.jsonl"
fi

log "throughput (extract_bench)"
if [ ${#SPLITS[@]} -gt 0 ]; then
  "$BUILD_DIR/extract_bench" "$OUT/polnear/dev/texts"
else
  "$BUILD_DIR/extract_bench"
fi

if [ -f "$ROOT/build/web/quote-extractor.js" ]; then
  log "in the browser (bench/extraction/browser_bench.mjs, build/web)"
  node "$HERE/browser_bench.mjs"
else
  log "in the browser: skipped (no build/web; run ./build-wasm.sh web first)"
fi
