#!/usr/bin/env python3
"""Prints the Lighthouse runs of bench/startup/run.sh as one table."""
import json
import os
import sys

METRICS = [("performance", None), ("TBT ms", "total-blocking-time"), ("FCP ms", "first-contentful-paint"),
           ("LCP ms", "largest-contentful-paint"), ("TTI ms", "interactive"), ("kB sent", "total-byte-weight")]


def row(directory, label):
    path = os.path.join(directory, label + ".json")
    if not os.path.exists(path):
        return [label] + ["-"] * len(METRICS) + ["-"]
    report = json.load(open(path))
    audits = report["audits"]
    score = report["categories"]["performance"]["score"]
    if score is None:
        error = report.get("runtimeError", {}).get("code", "no score")
        return [label, error] + ["-"] * (len(METRICS) - 1) + ["-"]
    cells = [label, f"{score:.2f}"]
    for _, audit in METRICS[1:]:
        value = audits[audit].get("numericValue", 0)
        cells.append(f"{value / 1024:.0f}" if audit == "total-byte-weight" else f"{value:.0f}")
    tasks = audits.get("long-tasks", {}).get("details", {}).get("items", [])
    cells.append(", ".join(f'{t["duration"]:.0f}' for t in tasks[:6]))
    return cells


def main():
    directory, labels = sys.argv[1], sys.argv[2:]
    header = ["page"] + [name for name, _ in METRICS] + ["longest main-thread tasks, ms (simulated)"]
    rows = [header] + [row(directory, label) for label in labels]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header) - 1)]
    for r in rows:
        print("  ".join(cell.ljust(width) for cell, width in zip(r, widths)) + "  " + r[-1])
    by_page = {}
    for r in rows[1:]:
        if r[2] != "-":
            by_page.setdefault(r[0].split(".")[0], []).append(r)
    print()
    for page, runs in by_page.items():
        scores = sorted(float(r[1]) for r in runs)
        blocking = sorted(float(r[2]) for r in runs)
        print(f"{page}: performance {scores[0]:.2f} to {scores[-1]:.2f}, TBT {blocking[0]:.0f} to {blocking[-1]:.0f} ms"
              f" over {len(runs)} runs (targets: performance 0.90, TBT under 300 ms)")


if __name__ == "__main__":
    main()
