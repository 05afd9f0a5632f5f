#!/usr/bin/env bash
# Start-up of the explorer as a phone sees it: Lighthouse 12 (mobile preset: simulated
# 4x CPU slowdown and a slow 4G network) on index.html and embed.html served with gzip
# (tools/serve.py), beside two baselines measured in the same run on the same machine:
#   - the same pages served uncompressed (python3 -m http.server), and
#   - a page that only creates a WebGL 2 context and clears it: the floor this machine's
#     software GL (SwiftShader) puts under any WebGL app.
# Prints a table; asserts nothing. Usage: [QE_LIGHTHOUSE_RUNS=3] bench/startup/run.sh [WEB_DIR]
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
WEB=${1:-$ROOT/build/web}
[ -f "$WEB/index.html" ] || { echo "no site at $WEB: run ./build-wasm.sh web first" >&2; exit 1; }
if [ ! -d "$HERE/node_modules/lighthouse" ]; then
  (cd "$HERE" && npm ci --no-audit --no-fund --loglevel=error)
fi

TMP=$(mktemp -d)
PIDS=()
cleanup() { kill "${PIDS[@]}" 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
GZIP_PORT=$(free_port); python3 "$ROOT/tools/serve.py" "$GZIP_PORT" "$WEB" >/dev/null 2>&1 & PIDS+=($!)
PLAIN_PORT=$(free_port); python3 -m http.server "$PLAIN_PORT" --bind 127.0.0.1 --directory "$WEB" >/dev/null 2>&1 & PIDS+=($!)
mkdir -p "$TMP/floor"
cat > "$TMP/floor/index.html" <<'HTML'
<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>WebGL 2 floor</title></head><body style="margin:0"><p style="position:absolute;margin:8px">WebGL 2 floor</p>
<canvas id="c" style="width:100vw;height:100vh;display:block"></canvas>
<script>const gl = document.getElementById('c').getContext('webgl2', {alpha: false, antialias: false});
gl.clearColor(1, 1, 1, 1); gl.clear(gl.COLOR_BUFFER_BIT);</script></body></html>
HTML
FLOOR_PORT=$(free_port); python3 "$ROOT/tools/serve.py" "$FLOOR_PORT" "$TMP/floor" >/dev/null 2>&1 & PIDS+=($!)
sleep 1

run() {  # $1: label, $2: URL
  CHROME_PATH=${CHROMIUM:-/usr/bin/chromium} node "$HERE/node_modules/lighthouse/cli/index.js" "$2" \
    --only-categories=performance --output=json --output-path="$TMP/$1.json" --quiet \
    --chrome-flags="--headless=new --no-sandbox --use-angle=swiftshader --enable-unsafe-swiftshader" >/dev/null 2>&1 \
    || echo "lighthouse failed on $2" >&2
}
# Each page RUNS times (QE_LIGHTHOUSE_RUNS, default 3), in turn: a run's figures move with the
# machine's load, so the table shows the spread.
RUNS=${QE_LIGHTHOUSE_RUNS:-3}
LABELS=()
for run_number in $(seq "$RUNS"); do
  run "index.$run_number" "http://127.0.0.1:$GZIP_PORT/index.html"
  run "embed.$run_number" "http://127.0.0.1:$GZIP_PORT/embed.html"
  run "index-uncompressed.$run_number" "http://127.0.0.1:$PLAIN_PORT/index.html"
  run "webgl-floor.$run_number" "http://127.0.0.1:$FLOOR_PORT/index.html"
done
for page in index embed index-uncompressed webgl-floor; do
  for run_number in $(seq "$RUNS"); do LABELS+=("$page.$run_number"); done
done
echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
python3 "$HERE/summary.py" "$TMP" "${LABELS[@]}"
