#!/usr/bin/env bash
# Builds the libFuzzer harnesses with clang (ASan + UBSan) and runs each for SECONDS
# (default 60), starting from the seed corpus in tests/fuzz/corpus/NAME. New inputs go to
# build/fuzz/corpus/NAME, crashes to build/fuzz/crashes/. See docs/reliability.md.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]      targets: loader stream_loader fast_path url_hash cli_args text_search extract review_edit
#
# `extract` also compiles the gumbo C sources (GUMBO_DIR, from ./build-wasm.sh deps) and the
# embedded lexicons (cmake/EmbedLexicons.cmake).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SECONDS_EACH=${1:-60}
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(loader stream_loader fast_path url_hash cli_args text_search extract review_edit)
OUT="$ROOT/build/fuzz"
mkdir -p "$OUT/crashes"
CXX=${CXX_FUZZ:-clang++}
FLAGS=(-std=c++17 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined
       -I"$ROOT/src" -I"$ROOT")
CORE=("$ROOT"/src/core/*.cpp)
GUMBO_DIR=${GUMBO_DIR:-$ROOT/build/deps/gumbo-parser-0.13.0}

# The extractor's lexicons as C++ (as the CMake build embeds them); prints the file.
lexicon_source() {
  local tsv=("$ROOT"/src/extract/lexicon/*.tsv)
  mkdir -p "$OUT/generated"
  cmake "-DINPUTS=$(IFS=';'; echo "${tsv[*]}")" -DOUTPUT="$OUT/generated/lexicon_files.cpp" \
        -P "$ROOT/cmake/EmbedLexicons.cmake" >&2
  echo "$OUT/generated/lexicon_files.cpp"
}

# gumbo's C sources, instrumented like the rest, as one archive; prints the archive.
gumbo_library() {
  [ -f "$GUMBO_DIR/src/gumbo.h" ] || { echo "no gumbo sources at $GUMBO_DIR: run ./build-wasm.sh deps" >&2; exit 1; }
  local lib="$OUT/gumbo/libgumbo.a" source
  if [ ! -f "$lib" ]; then
    mkdir -p "$OUT/gumbo"
    for source in "$GUMBO_DIR"/src/*.c; do
      "${CC_FUZZ:-clang}" -O1 -g -w -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
        -c "$source" -o "$OUT/gumbo/$(basename "$source" .c).o" >&2
    done
    ar rcs "$lib" "$OUT"/gumbo/*.o
  fi
  echo "$lib"
}

# The search folding tables (as the CMake build generates them, from utf8proc's sources and
# the fonts' ranges in CMakeLists.txt) in $OUT/generated/fold_table.inc.
UTF8PROC_DIR=${UTF8PROC_DIR:-$ROOT/build/deps/utf8proc-2.8.0}
fold_table() {
  [ -f "$UTF8PROC_DIR/utf8proc.h" ] || { echo "no utf8proc sources at $UTF8PROC_DIR: run ./build-wasm.sh deps" >&2; exit 1; }
  local ranges
  ranges=$(sed -n 's/^set(QE_FONT_UNICODES "\(.*\)")$/\1/p' "$ROOT/CMakeLists.txt")
  mkdir -p "$OUT/generated"
  "${CC_HOST:-cc}" -O2 -w -I"$UTF8PROC_DIR" "$ROOT/tools/fold_table_gen.c" "$UTF8PROC_DIR/utf8proc.c" -o "$OUT/fold_table_gen"
  "$OUT/fold_table_gen" "$ranges,U+0300-036F" "$OUT/generated/fold_table.inc"
}
fold_table
FLAGS+=(-I"$OUT/generated")

for target in "${TARGETS[@]}"; do
  binary="$OUT/fuzz_$target"
  sources=("$ROOT/tests/fuzz/fuzz_$target.cpp" "${CORE[@]}")
  [ "$target" = cli_args ] && sources+=("$ROOT/src/platform/cli/cli.cpp")
  if [ "$target" = extract ]; then
    sources+=("$ROOT"/src/extract/*.cpp "$(lexicon_source)" -I"$GUMBO_DIR/src" "$(gumbo_library)")
  fi
  status=0
  if [ ! -x "$binary" ] || [ -n "$(find "$ROOT/src" "$ROOT/tests/fuzz" "$ROOT/tools" -newer "$binary" \( -name '*.[ch]*' -o -name '*.tsv' \) | head -1)" ]; then
    echo "== building fuzz_$target"
    "$CXX" "${FLAGS[@]}" "${sources[@]}" -o "$binary"
  fi
  mkdir -p "$OUT/corpus/$target"
  seeds="$ROOT/tests/fuzz/corpus/$target"
  [ "$target" = stream_loader ] || [ "$target" = fast_path ] && seeds="$ROOT/tests/fuzz/corpus/loader"  # the loader's inputs
  echo "== fuzzing $target for ${SECONDS_EACH}s"
  "$binary" "$OUT/corpus/$target" "$seeds" \
    -max_total_time="$SECONDS_EACH" -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
    -artifact_prefix="$OUT/crashes/$target-" -print_final_stats=1 >"$OUT/$target.log" 2>&1 || status=$?
  grep -E "ERROR|SUMMARY|stat::(number_of_executed_units|new_units_added|peak_rss_mb)|^Done" "$OUT/$target.log" || true
  [ "${status:-0}" = 0 ] || { echo "fuzz_$target FAILED: see $OUT/$target.log and $OUT/crashes/"; exit 1; }
done
