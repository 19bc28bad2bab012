"""Prints medians and ratios from a hyperfine --export-json file (or bench/interleave.py's).

Usage: python3 bench/summarize.py RESULTS.json [BASELINE_NAME:TARGET_NAME:LIMIT ...]
Each BASELINE:TARGET:LIMIT prints TARGET's median wall time over BASELINE's and whether it is
<= LIMIT, and beside it the ratio of their mean CPU times (user + system).
"""
import json
import statistics
import sys

results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for name, r in results.items():
    times = r["times"]
    print(f"{name:28s} median {statistics.median(times) * 1000:8.1f} ms   "
          f"mean {r['mean'] * 1000:8.1f} ms   min {r['min'] * 1000:8.1f} ms   "
          f"cpu {(r['user'] + r['system']) * 1000:8.1f} ms   runs {len(times)}")
for spec in sys.argv[2:]:
    base, target, limit = spec.split(":")
    if base not in results or target not in results:
        continue
    ratio = statistics.median(results[target]["times"]) / statistics.median(results[base]["times"])
    cpu = lambda r: r["user"] + r["system"]
    cpu_ratio = cpu(results[target]) / cpu(results[base])
    verdict = "meets" if ratio <= float(limit) else "misses"
    print(f"{target} / {base} = {ratio:.2f}x (target <= {limit}x: {verdict}; CPU {cpu_ratio:.2f}x)")
