#!/usr/bin/env python3
"""Minifies a JavaScript file for readers to download: terser (npm, installed in tools/ by
`./build-wasm.sh deps`) compresses and shortens names, about a third less after gzip than
the source. Without terser the file is copied without its whole-line // comments. The
comments stay in web/ for the people who work on the code.

    python3 tools/minify_js.py INPUT OUTPUT      (INPUT may be OUTPUT)
"""
import os
import re
import subprocess
import sys

TERSER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "node_modules", "terser", "bin", "terser")


def strip_comments(source_path, output_path):
    with open(source_path, encoding="utf-8") as source:
        kept = [line for line in source if not re.match(r"\s*//", line)]
    with open(output_path, "w", encoding="utf-8") as output:
        output.writelines(kept)


def main(source_path, output_path):
    if not os.path.exists(TERSER):
        print(f"minify_js.py: no terser in tools/node_modules (./build-wasm.sh deps installs it): "
              f"{os.path.basename(output_path)} only loses its comments", file=sys.stderr)
        strip_comments(source_path, output_path)
        return
    subprocess.run(["node", TERSER, source_path, "--compress", "--mangle", "--ecma", "2020",
                    "--output", output_path], check=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
