#!/usr/bin/env python3
"""Rows and the final table of bench/run.sh.

    table.py row DATASET TOOL DOCS BYTES PASSAGES_FILE SCORE_JSON TIMEFILE...
        prints one JSON row: median wall seconds, median CPU seconds
        (user + sys), peak RSS (the largest over the runs), passages found,
        and the planted-reuse score (or null).
    table.py table ROWS.jsonl META.txt
        prints the Markdown table described in bench/README.md.
"""

import json
import re
import statistics
import sys


def parse_time(path):
    """GNU time -v output -> (wall s, cpu s, max RSS KiB, exit status)."""
    wall = cpu = rss = None
    status = 0
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("Elapsed (wall clock) time"):
                v = line.rsplit(": ", 1)[1]
                secs = 0.0
                for part in v.split(":"):
                    secs = secs * 60 + float(part)
                wall = secs
            elif line.startswith("User time (seconds)") or line.startswith("System time (seconds)"):
                cpu = (cpu or 0.0) + float(line.rsplit(": ", 1)[1])
            elif line.startswith("Maximum resident set size"):
                rss = int(line.rsplit(": ", 1)[1])
            elif line.startswith("Exit status"):
                status = int(line.rsplit(": ", 1)[1])
    return wall, cpu, rss, status


def count_lines(path, kinds=False):
    n = cross = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                n += 1
                if '"kind":"internal"' not in line.replace(" ", ""):
                    cross += 1
    return n, cross


def cmd_row(argv):
    dataset, tool, docs, nbytes, passages, score = argv[:6]
    times = [parse_time(p) for p in argv[6:]]
    walls = [t[0] for t in times if t[0] is not None]
    cpus = [t[1] for t in times if t[1] is not None]
    rsss = [t[2] for t in times if t[2] is not None]
    n, cross = count_lines(passages)
    row = {
        "dataset": dataset, "tool": tool, "docs": int(docs), "bytes": int(nbytes),
        "runs": len(walls), "walls": walls,
        "wall": statistics.median(walls) if walls else None,
        "cpu": statistics.median(cpus) if cpus else None,
        "rss_kib": max(rsss) if rsss else None,
        "passages": n, "cross": cross,
        "score": json.loads(score),
    }
    print(json.dumps(row))


def f(x, fmt):
    return "-" if x is None else fmt % x


def cmd_table(argv):
    rows = [json.loads(line) for line in open(argv[0]) if line.strip()]
    meta = open(argv[1]).read().strip()
    print("```")
    print(meta)
    print("```")
    print()
    hdr = ["dataset", "tool", "docs", "MB", "median s", "cpu s", "MB/s", "docs/s",
           "peak RSS MB", "RSS/input", "passages", "recall", "precision", "prec. planted"]
    print("| " + " | ".join(hdr) + " |")
    print("|" + "|".join("---" if i < 2 else "---:" for i in range(len(hdr))) + "|")
    for r in rows:
        mb = r["bytes"] / 1e6
        wall = r["wall"]
        rss = r["rss_kib"] / 1024 if r["rss_kib"] is not None else None
        s = r["score"] or {}
        print("| " + " | ".join([
            r["dataset"], r["tool"], str(r["docs"]), "%.1f" % mb,
            f(wall, "%.2f"), f(r["cpu"], "%.2f"),
            f(mb / wall if wall else None, "%.1f"),
            f(r["docs"] / wall if wall else None, "%.0f"),
            f(rss, "%.0f"), f(rss / mb if rss is not None and mb else None, "%.2f"),
            str(r["cross"]),
            f(s.get("recall"), "%.3f"), f(s.get("precision"), "%.3f"),
            f(s.get("precision_planted_docs"), "%.3f"),
        ]) + " |")
    print()
    # Throughput ratios per dataset: each hearsay row against sim_text.
    for ds in dict.fromkeys(r["dataset"] for r in rows):
        st = [r for r in rows if r["dataset"] == ds and r["tool"].startswith("sim_text")]
        if not st or not st[0]["wall"]:
            continue
        for r in rows:
            if r["dataset"] == ds and r["tool"].startswith("hearsay") and r["wall"]:
                print("- %s: %s / sim_text throughput = %.2f (wall), %.2f (cpu); peak RSS ratio %.2f"
                      % (ds, r["tool"], st[0]["wall"] / r["wall"],
                         (st[0]["cpu"] / r["cpu"]) if r["cpu"] and st[0]["cpu"] else float("nan"),
                         (r["rss_kib"] / st[0]["rss_kib"]) if st[0]["rss_kib"] else float("nan")))
    scored = [r for r in rows if r["score"]]
    if scored:
        print()
        print("Planted reuse, by kind (recall) and boundary quality:")
        print()
        for r in scored:
            s = r["score"]
            kinds = ", ".join("%s %.3f" % (k, v) for k, v in s["recall_by_kind"].items() if v is not None)
            print("- %s, %s: %d of %d found (%s); coverage %s, detections per found passage %s; "
                  "%d base-base detections"
                  % (r["dataset"], r["tool"], s["found"], s["planted"], kinds,
                     f(s["coverage"], "%.3f"), f(s["granularity"], "%.2f"), s["base_base"]))


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ("row", "table"):
        sys.exit(__doc__)
    {"row": cmd_row, "table": cmd_table}[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    main()
