#!/usr/bin/env python3
"""Wall time, CPU time and peak memory of several hearsay builds on one
input, in alternated rounds, as ratios to the first build.

    python3 bench/compare_builds.py [--rounds 21] [--input FILE]
        NAME=BINARY NAME=BINARY ... [-- ARGS...]

Each round runs every build once, in the order given, on the same input
(ARGS default to `reuse --format jsonl --no-progress`; the input is
appended), output to /dev/null.  A shared machine's speed drifts from one
run to the next, so each build's figures are divided by the first
build's figures of the same round, and the medians of those ratios are
reported beside the medians of the raw figures: a ratio within a round
is steadier than a ratio of medians.  Wall time is measured here, user
and system CPU time and peak RSS come from the kernel (wait4).

Prints a Markdown table; --raw also prints every run.
"""
import argparse
import os
import statistics
import sys
import time


def run_once(binary, args, path):
    """Wall s, user s, sys s, peak RSS MiB of one run (exit status 0 or
    the run is reported and the script stops)."""
    start = time.monotonic()
    pid = os.fork()
    if pid == 0:
        fd = os.open(os.devnull, os.O_WRONLY)
        os.dup2(fd, 1)
        try:
            os.execv(binary, [binary] + args + [path])
        finally:
            os._exit(127)
    _, status, ru = os.wait4(pid, 0)
    wall = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("compare_builds: %s exited with %d" % (binary, code))
    return wall, ru.ru_utime, ru.ru_stime, ru.ru_maxrss / 1024.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=21)
    ap.add_argument("--input", required=True, help="corpus given to each run")
    ap.add_argument("--raw", action="store_true", help="print every run")
    ap.add_argument("builds", nargs="+", metavar="NAME=BINARY")
    argv = sys.argv[1:]
    extra = ["reuse", "--format", "jsonl", "--no-progress"]
    if "--" in argv:
        at = argv.index("--")
        argv, extra = argv[:at], argv[at + 1:]
    opts = ap.parse_args(argv)
    builds = []
    for b in opts.builds:
        name, sep, binary = b.partition("=")
        if not sep or not os.access(binary, os.X_OK):
            sys.exit("compare_builds: %r is not NAME=BINARY (executable)" % b)
        builds.append((name, binary))
    if not os.path.exists(opts.input):
        sys.exit("compare_builds: no input %s" % opts.input)
    runs = {name: [] for name, _ in builds}
    for r in range(opts.rounds):
        for name, binary in builds:
            m = run_once(binary, extra, opts.input)
            runs[name].append(m)
            if opts.raw:
                print("round %d %s wall %.2f user %.2f sys %.2f rss %.0f"
                      % ((r + 1, name) + m), file=sys.stderr)
    first = builds[0][0]
    med = statistics.median
    print("| build | wall s | user s | peak RSS MiB | wall ÷ %s | user ÷ %s "
          "| RSS ÷ %s |" % (first, first, first))
    print("|---|---|---|---|---|---|---|")
    for name, _ in builds:
        rs, base = runs[name], runs[first]
        ratio = [[rs[i][k] / base[i][k] if base[i][k] > 0 else float("nan")
                  for i in range(opts.rounds)] for k in (0, 1, 3)]
        print("| %s | %.2f | %.2f | %.0f | %.3f | %.3f | %.3f |"
              % (name, med(x[0] for x in rs), med(x[1] for x in rs),
                 med(x[3] for x in rs), med(ratio[0]), med(ratio[1]),
                 med(ratio[2])))
    print("\n%d alternated rounds, medians; ratios are medians of each "
          "round's ratio; `%s ... %s`" % (opts.rounds, " ".join(extra),
                                          os.path.basename(opts.input)))


if __name__ == "__main__":
    main()
