#!/usr/bin/env bash
# Native GUI smoke test: the explorer opens the seed article under Xvfb, draws frames and
# saves a screenshot that is not blank.
set -euo pipefail
app=$1
out=${2:-.}
mkdir -p "$out"
shot="$out/native-explorer.png"
rm -f "$shot"
xvfb-run -a -s "-screen 0 1400x900x24" "$app" --frames 5 --screenshot "$shot" --size 1280x800 --scale 1
python3 - "$shot" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
w, h = struct.unpack('>II', data[16:24])
idat = b''.join(data[i+8:i+8+struct.unpack('>I', data[i:i+4])[0]]
                for i in range(8, len(data)) if data[i+4:i+8] == b'IDAT')
raw = zlib.decompress(idat)
colors = {raw[i:i+3] for i in range(1, len(raw), 4 * 97)}
assert (w, h) == (1280, 800), (w, h)
assert len(colors) > 8, f'screenshot looks blank: {len(colors)} colours'
print(f'native screenshot {w}x{h}, {len(colors)} sampled colours: ok')
PY

# --theme dark: the window's background (top-left pixel) is dark.
dark="$out/native-explorer-dark.png"
rm -f "$dark"
xvfb-run -a -s "-screen 0 1400x900x24" "$app" --theme dark --frames 5 --screenshot "$dark" --size 640x480 --scale 1
python3 - "$dark" <<'PY'
import sys, zlib, struct
data = open(sys.argv[1], 'rb').read()
idat = b''.join(data[i+8:i+8+struct.unpack('>I', data[i:i+4])[0]]
                for i in range(8, len(data)) if data[i+4:i+8] == b'IDAT')
raw = zlib.decompress(idat)
r, g, b = raw[1], raw[2], raw[3]  # first row's filter byte, then the first pixel
assert 0.2126 * r + 0.7152 * g + 0.0722 * b < 60, f'--theme dark drew a light background: {(r, g, b)}'
print(f'native --theme dark background {(r, g, b)}: ok')
PY
