"""Prints medians and ratios from hyperfine --export-json files (or bench/interleave.py's).

Usage: python3 bench/summarize.py RESULTS.json [MORE.json ...] [--quiet NAME:MS]
           [BASELINE_NAME:TARGET_NAME:LIMIT ...]
Several files (passes of one run) are merged: the times of a command are pooled, and its CPU
time is the mean over all its runs. Each BASELINE:TARGET:LIMIT prints TARGET's median wall time
over BASELINE's and whether it is <= LIMIT, and beside it the ratio of their mean CPU times
(user + system). --quiet NAME:MS says whether NAME's median is at most MS milliseconds, the
condition under which a run counts as taken on a quiet machine.
"""
import json
import statistics
import sys


def merged(files):
    results = {}
    for path in files:
        for r in json.load(open(path))["results"]:
            pooled = results.setdefault(r["command"], {"times": [], "user_total": 0.0, "system_total": 0.0})
            pooled["times"] += r["times"]
            pooled["user_total"] += r["user"] * len(r["times"])
            pooled["system_total"] += r["system"] * len(r["times"])
    for r in results.values():
        r["user"] = r["user_total"] / len(r["times"])
        r["system"] = r["system_total"] / len(r["times"])
        r["mean"] = statistics.mean(r["times"])
        r["min"] = min(r["times"])
    return results


def main(args):
    files = [a for a in args if a.endswith(".json")]
    rest = [a for a in args if not a.endswith(".json")]
    quiet = None
    if "--quiet" in rest:
        at = rest.index("--quiet")
        quiet = rest[at + 1]
        del rest[at:at + 2]
    results = merged(files)
    cpu = lambda r: r["user"] + r["system"]
    for name, r in results.items():
        times = r["times"]
        print(f"{name:28s} median {statistics.median(times) * 1000:8.1f} ms   "
              f"mean {r['mean'] * 1000:8.1f} ms   min {r['min'] * 1000:8.1f} ms   "
              f"cpu {cpu(r) * 1000:8.1f} ms   runs {len(times)}")
    for spec in rest:
        base, target, limit = spec.split(":")
        if base not in results or target not in results:
            continue
        ratio = statistics.median(results[target]["times"]) / statistics.median(results[base]["times"])
        cpu_ratio = cpu(results[target]) / cpu(results[base])
        verdict = "meets" if ratio <= float(limit) else "misses"
        print(f"{target} / {base} = {ratio:.2f}x (target <= {limit}x: {verdict}; CPU {cpu_ratio:.2f}x)")
    if quiet:
        name, limit = quiet.split(":")
        median = statistics.median(results[name]["times"]) * 1000
        if median <= float(limit):
            print(f"quiet: {name} median {median:.1f} ms <= {limit} ms; the ratios stand")
        else:
            print(f"NOT QUIET: {name} median {median:.1f} ms > {limit} ms; load distorts these ratios: "
                  "do not quote them as targets met or missed")


if __name__ == "__main__":
    main(sys.argv[1:])
