#!/usr/bin/env python3
"""Copies a JavaScript file without its whole-line // comments: readers download the code,
the comments stay in web/ for the people who work on it.

    python3 tools/strip_js_comments.py INPUT OUTPUT
"""
import re
import sys

with open(sys.argv[1], encoding="utf-8") as source:
    kept = [line for line in source if not re.match(r"\s*//", line)]
with open(sys.argv[2], "w", encoding="utf-8") as output:
    output.writelines(kept)
