"""Prints medians and ratios from a hyperfine --export-json file.

Usage: python3 bench/summarize.py RESULTS.json [BASELINE_NAME:TARGET_NAME:LIMIT ...]
Each BASELINE:TARGET:LIMIT prints TARGET's median over BASELINE's and whether it is <= LIMIT.
"""
import json
import statistics
import sys

results = {r["command"]: r for r in json.load(open(sys.argv[1]))["results"]}
for name, r in results.items():
    times = r["times"]
    print(f"{name:28s} median {statistics.median(times) * 1000:8.1f} ms   "
          f"mean {r['mean'] * 1000:8.1f} ms   min {r['min'] * 1000:8.1f} ms   runs {len(times)}")
for spec in sys.argv[2:]:
    base, target, limit = spec.split(":")
    if base not in results or target not in results:
        continue
    ratio = statistics.median(results[target]["times"]) / statistics.median(results[base]["times"])
    verdict = "meets" if ratio <= float(limit) else "misses"
    print(f"{target} / {base} = {ratio:.2f}x (target <= {limit}x: {verdict})")
