#!/usr/bin/env python3
"""One table of `quotes score` results for run.sh: quotes extract beside the baselines.

usage: summary.py DIR   (reads DIR/extracted.score.json, marks.score.json, sentences.score.json)
"""

import json
import os
import sys

ROWS = [("quotes extract", "extracted"), ("baseline: marks", "marks"), ("baseline: sentences", "sentences")]


def pct(value):
    return "    n/a" if value is None else f"{value * 100:6.1f}%"


def main():
    directory = sys.argv[1]
    scores = {}
    for _, name in ROWS:
        path = os.path.join(directory, name + ".score.json")
        if os.path.exists(path) and os.path.getsize(path):
            with open(path, encoding="utf-8") as f:
                scores[name] = json.load(f)
    if "extracted" not in scores:
        print("(no score for quotes extract)")
        return
    print("\n                        F1 >=.3  F1 >=.8  F1 exact   P >=.3   R >=.3  direct R  speaker     kind")
    for label, name in ROWS:
        s = scores.get(name)
        if not s:
            continue
        spans, attrs = s["spans"], s["attributes"]
        print(f"  {label:20s}  " + "  ".join(pct(v) for v in (
            spans["overlap_0.3"]["f1"], spans["overlap_0.8"]["f1"], spans["exact"]["f1"],
            spans["overlap_0.3"]["precision"], spans["overlap_0.3"]["recall"],
            s["direct_recall"]["overlap_0.3"], attrs["speaker"]["value"], attrs["kind"]["value"])))
    ours = scores["extracted"]["spans"]
    for label, name in ROWS[1:]:
        if name not in scores:
            continue
        theirs = scores[name]["spans"]
        ratios = []
        for key, short in (("overlap_0.3", ">=.3"), ("overlap_0.8", ">=.8"), ("exact", "exact")):
            a, b = ours[key]["f1"], theirs[key]["f1"]
            ratios.append(f"{short} {a / b:.2f}x" if a is not None and b else f"{short} n/a")
        print(f"  F1 of quotes extract over {label}: " + ", ".join(ratios))


if __name__ == "__main__":
    main()
