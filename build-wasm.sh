#!/usr/bin/env bash
# Quote Explorer's one entry point. See README.md and docs/architecture.md.
#
#   ./build-wasm.sh deps          install missing Debian/npm packages, fetch ImGui, gumbo, utf8proc sources
#   ./build-wasm.sh web           wasm build -> build/web/ (a static site)
#   ./build-wasm.sh native        native GUI, CLI and unit tests -> build/native/
#   ./build-wasm.sh serve [PORT]  deps + web, then serve build/web on 127.0.0.1:PORT (8080)
#   ./build-wasm.sh test          deps, native build, unit tests (also under ASan + UBSan),
#                                 wasm build, browser tests, the scale benchmark at 10k quotes,
#                                 browser tests against an ASan wasm build
#   ./build-wasm.sh test-sanitize ASan + UBSan build of the unit tests and CLI, and run them
#   ./build-wasm.sh test-wasm-sanitize   browser tests against an ASan + assertions wasm build
#   ./build-wasm.sh bench         the scale benchmark (below) at 10k, 100k and 1M quotes
#   ./build-wasm.sh bench core [ARGS]  native build, then bench/filter_bench (speed-ups vs a JSON scan)
#   ./build-wasm.sh bench scale [--load-only] [--profile] [QUOTES...]  wasm build, then
#                                 bench/scale/browser_bench.mjs: load (MB/s, renderer peak memory),
#                                 first frame, facet change, keystroke and visibleQuotes() in
#                                 Chromium against JSON.parse, plain JavaScript columns,
#                                 crossfilter2 and DuckDB-Wasm (10k, 100k and 1M quotes)
#   ./build-wasm.sh bench startup  wasm build, then bench/startup/run.sh: Lighthouse (mobile) on
#                                 index.html and embed.html served with gzip, beside the same
#                                 pages uncompressed and a bare WebGL 2 page
#   ./build-wasm.sh bench extraction [--train] [--final-evaluation] [POLNEAR_DIR]   native build, then
#                                 bench/extraction/run.sh: quotes extract scored on PolNeAR dev
#                                 (POLNEAR_DIR or $POLNEAR_DIR), the seed and test articles,
#                                 beside two naive baselines; MB/s of extraction vs baselines
#
# IMGUI_DIR=/path/to/imgui-1.90.1, GUMBO_DIR=/path/to/gumbo-parser-0.13.0 and
# UTF8PROC_DIR=/path/to/utf8proc-2.8.0 override the sources fetched by `deps`.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BUILD="$ROOT/build"
DEPS="$BUILD/deps"
IMGUI_VERSION=1.90.1
IMGUI_DEB_VERSION=1.90.1+ds-1
IMGUI_DIR=${IMGUI_DIR:-$DEPS/imgui-$IMGUI_VERSION}
GUMBO_VERSION=0.13.0
GUMBO_DEB_VERSION=0.13.0+dfsg-2
GUMBO_DIR=${GUMBO_DIR:-$DEPS/gumbo-parser-$GUMBO_VERSION}
UTF8PROC_VERSION=2.8.0
UTF8PROC_DEB_VERSION=2.8.0-1
UTF8PROC_DIR=${UTF8PROC_DIR:-$DEPS/utf8proc-$UTF8PROC_VERSION}
JOBS=$(nproc 2>/dev/null || echo 2)

DEBIAN_PACKAGES=(
  cmake make g++ python3 xz-utils ca-certificates
  emscripten
  nlohmann-json3-dev doctest-dev
  libglfw3-dev libgl-dev libgl1-mesa-dri
  chromium xvfb xauth
  fonts-dejavu-core fonttools
)

# Each step says when it started (minutes:seconds since this script did), so a CI log shows
# where the time goes.
log() { printf '\033[1m== [%d:%02d] %s\033[0m\n' $((SECONDS / 60)) $((SECONDS % 60)) "$*" >&2; }
die() { printf 'build-wasm.sh: %s\n' "$*" >&2; exit 1; }

missing_debian_packages() {
  local pkg
  for pkg in "${DEBIAN_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || echo "$pkg"
  done
  # A machine may carry its own Node.js (with npm inside); Debian's npm would conflict with it.
  command -v node >/dev/null || echo nodejs
  command -v npm >/dev/null || echo npm
}

install_debian_packages() {
  local missing
  missing=$(missing_debian_packages)
  [ -z "$missing" ] && return 0
  [ "$(id -u)" = 0 ] || die "missing Debian packages (run as root to install): $missing"
  log "installing Debian packages: $(echo $missing)"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing
}

# npm_ci DIR WHAT: installs DIR's locked npm packages when missing or older than the lock.
npm_ci() {
  local dir=$1 what=$2
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    log "installing npm packages for $what"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
}

install_npm_packages() {
  npm_ci "$ROOT/tools" "the build's JavaScript minifier (terser)"
  npm_ci "$ROOT/tests/e2e" "the browser tests"
  npm_ci "$ROOT/bench/scale" "the scale benchmark's baselines (crossfilter2, DuckDB-Wasm)"
}

# Third-party sources come from Debian's source packages (13, and 12 for utf8proc 2.8.0), fetched with a private apt
# configuration so the system's sources.list stays untouched, and are never committed.
debian_apt_opts() {  # sets APT_OPTS
  local apt_dir="$DEPS/apt"
  mkdir -p "$apt_dir/lists/partial" "$apt_dir/cache/archives/partial" "$apt_dir/src"
  local uris signed_by
  uris=$(awk '/^URIs:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  signed_by=$(awk '/^Signed-By:/ {print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)
  cat >"$apt_dir/trixie-src.sources" <<EOF
Types: deb-src
URIs: ${uris:-http://deb.debian.org/debian}
Suites: trixie bookworm
Components: main
Signed-By: ${signed_by:-/usr/share/keyrings/debian-archive-keyring.gpg}
EOF
  APT_OPTS=(-o Dir::Etc::sourcelist=/dev/null -o Dir::Etc::sourceparts="$apt_dir"
            -o Dir::State::Lists="$apt_dir/lists" -o Dir::Cache="$apt_dir/cache"
            -o APT::Sandbox::User=root)
}

# fetch_debian_source PACKAGE DEBIAN_VERSION DIR MARKER: unpacks the upstream tarball of
# Debian's source package PACKAGE=DEBIAN_VERSION into DIR, unless DIR/MARKER exists. Only
# that tarball is downloaded (apt checks its SHA256 against the signed Sources index).
fetch_debian_source() {
  local package=$1 version=$2 dir=$3 marker=$4
  [ -e "$dir/$marker" ] && return 0
  log "fetching $package $version sources from Debian's source package"
  local APT_OPTS src="$DEPS/apt/src" uri file hash
  debian_apt_opts
  apt-get "${APT_OPTS[@]}" -qq update
  read -r uri file _ hash < <(apt-get "${APT_OPTS[@]}" -qq --print-uris source "$package=$version" |
                                 grep '\.orig\.tar\.') || die "no $package=$version source package in Debian trixie or bookworm"
  if [ ! -f "$src/$file" ]; then
    /usr/lib/apt/apt-helper "${APT_OPTS[@]}" download-file "${uri//\'/}" "$src/$file.part" "$hash"
    mv "$src/$file.part" "$src/$file"
  fi
  rm -rf "$dir.tmp"
  mkdir -p "$dir.tmp"
  tar -xf "$src/$file" -C "$dir.tmp" --strip-components=1
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
  [ -e "$dir/$marker" ] || die "$package sources unpacked without $marker"
}

fetch_imgui() {
  [ -f "$IMGUI_DIR/imgui.h" ] && return 0
  [ "$IMGUI_DIR" = "$DEPS/imgui-$IMGUI_VERSION" ] || die "IMGUI_DIR=$IMGUI_DIR has no imgui.h"
  fetch_debian_source imgui "$IMGUI_DEB_VERSION" "$IMGUI_DIR" imgui.h
}

# gumbo, the HTML5 parser the extractor reads pages with; only its src/*.c are built.
fetch_gumbo() {
  [ -f "$GUMBO_DIR/src/gumbo.h" ] && return 0
  [ "$GUMBO_DIR" = "$DEPS/gumbo-parser-$GUMBO_VERSION" ] || die "GUMBO_DIR=$GUMBO_DIR has no src/gumbo.h"
  fetch_debian_source gumbo-parser "$GUMBO_DEB_VERSION" "$GUMBO_DIR" src/gumbo.h
}

# utf8proc, whose case folding and decompositions the search folding table is generated
# from at build time (tools/fold_table_gen.c); nothing of it is linked into the programs.
fetch_utf8proc() {
  [ -f "$UTF8PROC_DIR/utf8proc.h" ] && return 0
  [ "$UTF8PROC_DIR" = "$DEPS/utf8proc-$UTF8PROC_VERSION" ] || die "UTF8PROC_DIR=$UTF8PROC_DIR has no utf8proc.h"
  fetch_debian_source utf8proc "$UTF8PROC_DEB_VERSION" "$UTF8PROC_DIR" utf8proc.h
}

fetch_sources() {
  fetch_imgui
  fetch_gumbo
  fetch_utf8proc
}

cmd_deps() {
  install_debian_packages
  install_npm_packages
  fetch_sources
}

export NODE_PATH=/usr/share/nodejs

configure_native() {
  cmake -S "$ROOT" -B "$BUILD/native" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DIMGUI_DIR="$IMGUI_DIR" -DGUMBO_DIR="$GUMBO_DIR" -DUTF8PROC_DIR="$UTF8PROC_DIR" >/dev/null
}

cmd_native() {
  fetch_sources
  log "native build -> build/native"
  configure_native
  cmake --build "$BUILD/native" -j "$JOBS"
}

cmd_web() {
  fetch_sources
  log "wasm build -> build/web"
  if [ ! -f "$BUILD/wasm/CMakeCache.txt" ]; then
    emcmake cmake -S "$ROOT" -B "$BUILD/wasm" -DCMAKE_BUILD_TYPE=Release -DIMGUI_DIR="$IMGUI_DIR" -DGUMBO_DIR="$GUMBO_DIR" -DUTF8PROC_DIR="$UTF8PROC_DIR" >/dev/null
  fi
  cmake --build "$BUILD/wasm" -j "$JOBS"
}

cmd_serve() {
  local port=${1:-8080}
  cmd_deps
  cmd_web
  local url="http://127.0.0.1:$port/"
  log "serving build/web on $url (Ctrl+C stops)"
  if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ] && command -v xdg-open >/dev/null; then
    (sleep 1 && xdg-open "$url" >/dev/null 2>&1) &
  fi
  exec python3 "$ROOT/tools/serve.py" "$port" "$BUILD/web"
}

# The unit tests (which also run the CLI in-process and as a process) under AddressSanitizer
# and UndefinedBehaviorSanitizer; any report fails the run.
cmd_test_sanitize() {
  fetch_sources
  log "ASan + UBSan build of the unit tests and the CLI -> build/sanitize"
  cmake -S "$ROOT" -B "$BUILD/sanitize" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DQE_SANITIZE=ON \
        -DIMGUI_DIR="$IMGUI_DIR" -DGUMBO_DIR="$GUMBO_DIR" -DUTF8PROC_DIR="$UTF8PROC_DIR" >/dev/null
  cmake --build "$BUILD/sanitize" -j "$JOBS" --target unit-tests quotes
  log "unit tests under ASan + UBSan"
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:strict_string_checks=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$BUILD/sanitize/unit-tests"
}

# Suites that test the page around the wasm (themes, the DOM mirror, axe, CSP, the host
# page, the dev server) rather than wasm code paths: the ASan pass leaves them to the normal one.
DOM_ONLY_SUITES=(a11y csp dev-server embedding screens)

browser_tests() {  # $1: the static site to test; $2: 1 for a sanitizer build (tests size inputs down, DOM-only suites skipped)
  mkdir -p "$BUILD/test-artifacts"
  local suites=() file name
  for file in "$ROOT"/tests/e2e/*.test.mjs; do
    name=$(basename "$file" .test.mjs)
    if [ -n "${2:-}" ] && [[ " ${DOM_ONLY_SUITES[*]} " == *" $name "* ]]; then continue; fi
    suites+=("./$name.test.mjs")
  done
  (cd "$ROOT/tests/e2e" && QE_WEB_DIR="$1" QE_SANITIZED="${2:-}" node --test --test-concurrency=1 "${suites[@]}")
}

# The browser tests once more against a wasm build with AddressSanitizer and Emscripten's
# run-time assertions, in build/web-asan.
cmd_test_wasm_sanitize() {
  fetch_sources
  log "wasm build with ASan and assertions -> build/web-asan"
  if [ ! -f "$BUILD/wasm-asan/CMakeCache.txt" ]; then
    emcmake cmake -S "$ROOT" -B "$BUILD/wasm-asan" -DCMAKE_BUILD_TYPE=Release -DIMGUI_DIR="$IMGUI_DIR" -DGUMBO_DIR="$GUMBO_DIR" -DUTF8PROC_DIR="$UTF8PROC_DIR" \
      -DQE_SANITIZE=ON -DQE_WASM_ASSERTIONS=ON -DQE_WEB_DIR="$BUILD/web-asan" >/dev/null
  fi
  cmake --build "$BUILD/wasm-asan" -j "$JOBS"
  log "browser tests against the ASan build"
  browser_tests "$BUILD/web-asan" 1
}

cmd_test() {
  cmd_deps
  cmd_native
  log "unit tests"
  ctest --test-dir "$BUILD/native" --output-on-failure -j "$JOBS"
  cmd_test_sanitize
  cmd_web
  log "browser tests"
  browser_tests "$BUILD/web"
  # About 50 s: keeps the scale benchmark and its baselines working (it asserts nothing).
  log "scale benchmark at 10,000 quotes"
  node "$ROOT/bench/scale/browser_bench.mjs" 10000
  cmd_test_wasm_sanitize
}

cmd_bench() {
  if [ $# -eq 0 ] || [ "$1" = scale ]; then
    shift || true
    cmd_web
    npm_ci "$ROOT/bench/scale" "the scale benchmark's baselines (crossfilter2, DuckDB-Wasm)"
    node "$ROOT/bench/scale/browser_bench.mjs" "$@"
    return
  fi
  [ "$1" = core ] && shift
  if [ "${1:-}" = startup ]; then
    shift
    cmd_web
    "$ROOT/bench/startup/run.sh" "$@"
    return
  fi
  cmd_native
  if [ "${1:-}" = extraction ]; then
    shift
    QE_BUILD_DIR="$BUILD/native" QE_SKIP_BUILD=1 "$ROOT/bench/extraction/run.sh" "$@"
    return
  fi
  "$BUILD/native/filter_bench" "$@"
}

main() {
  local cmd=${1:-}
  shift || true
  case "$cmd" in
    deps) cmd_deps ;;
    web) cmd_web ;;
    native) cmd_native ;;
    serve) cmd_serve "$@" ;;
    test) cmd_test ;;
    test-sanitize) cmd_test_sanitize ;;
    test-wasm-sanitize) cmd_test_wasm_sanitize ;;
    bench) cmd_bench "$@" ;;
    *) sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
  esac
}

main "$@"
