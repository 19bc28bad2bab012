"""The bulk figures from bench/results/bulk.tsv (written by bench/bulk.sh), as medians.

Usage: python3 summarize_bulk.py RESULTS.tsv ITEMS SMALL_ITEMS

Prints per setting and item count the median wall time, throughput, messer's CPU (user + system)
and moto's; then the two figures docs/performance.md keeps: the throughput through the delay
proxy over the throughput on raw moto (ITEMS items each), and messer's CPU per item as the slope
between the runs of SMALL_ITEMS and ITEMS items on raw moto (medians of each, and the median of the
slopes of each round, and the slope between the smallest CPU of each size), for each launcher
apart when bench/bulk.sh measured several. The profiling run (run "profile") is left out of every median.
"""
import csv
import statistics
import sys

rows = [r for r in csv.DictReader(open(sys.argv[1]), delimiter="\t") if r["run"] != "profile"]
items, small = int(sys.argv[2]), int(sys.argv[3])


def cpu(r):
    return float(r["user_s"]) + float(r["sys_s"])


def select(setting, program_prefix, n):
    return [r for r in rows if r["setting"] == setting and r["program"].startswith(program_prefix)
            and int(r["items"]) == n]


def median(values):
    return statistics.median(values) if values else float("nan")


print(f"{'setting':8s} {'program':24s} {'items':>6s} {'runs':>4s} {'wall s':>8s} {'items/s':>8s} "
      f"{'CPU s':>7s} {'moto CPU s':>10s} {'req/item':>8s} {'KMS':>4s}")
for setting in ("raw", "delayed"):
    for program in sorted({r["program"] for r in rows if r["setting"] == setting}):
        for n in sorted({int(r["items"]) for r in rows if r["setting"] == setting and r["program"] == program}):
            runs = select(setting, program, n)
            wall = median([float(r["seconds"]) for r in runs])
            requests = [int(r["requests"]) for r in runs if r["requests"] != "-"]
            kms = [int(r["kms_calls"]) for r in runs if r["kms_calls"] != "-"]
            print(f"{setting:8s} {program:24s} {n:6d} {len(runs):4d} {wall:8.2f} {n / wall:8.1f} "
                  f"{median([cpu(r) for r in runs]):7.2f} {median([float(r['moto_cpu_s']) for r in runs]):10.2f} "
                  f"{(median(requests) / n if requests else float('nan')):8.3f} "
                  f"{(int(median(kms)) if kms else '-')!s:>4s}")

programs = sorted({r["program"] for r in rows if r["program"].startswith("messer-")
                   and not r["program"].startswith("messer-style")})
for program in programs:
    name = f" [{program}]" if len(programs) > 1 else ""
    raw = [r for r in select("raw", program, items) if r["program"] == program]
    delayed = [r for r in select("delayed", program, items) if r["program"] == program]
    if raw and delayed:
        ratio = median([float(r["seconds"]) for r in raw]) / median([float(r["seconds"]) for r in delayed])
        verdict = "meets" if ratio >= 0.8 else "misses"
        print(f"throughput through the proxy / on raw moto ({items} items){name}: {ratio:.2f} "
              f"(target >= 0.8: {verdict})")
    small_runs = [r for r in select("raw", program, small) if r["program"] == program]
    if raw and small_runs and items != small:
        slope = (median([cpu(r) for r in raw]) - median([cpu(r) for r in small_runs])) / (items - small) * 1000
        by_round = {}
        for r in raw + small_runs:
            by_round.setdefault(r["run"], {})[int(r["items"])] = cpu(r)
        slopes = [(c[items] - c[small]) / (items - small) * 1000 for c in by_round.values() if len(c) == 2]
        print(f"messer's CPU per item (slope {small} -> {items} items, raw moto){name}: {slope:.2f} ms "
              f"(per round: {', '.join(f'{s:.2f}' for s in slopes)}; median {median(slopes):.2f} ms; "
              f"from the minima: {(min(cpu(r) for r in raw) - min(cpu(r) for r in small_runs)) / (items - small) * 1000:.2f} ms)")
        print(f"messer's CPU per item with the JVM's start included ({items} items){name}: "
              f"{median([cpu(r) for r in raw]) / items * 1000:.2f} ms")
raw = [r for r in select("raw", "messer-", items) if not r["program"].startswith("messer-style")]
delayed = [r for r in select("delayed", "messer-", items) if not r["program"].startswith("messer-style")]
base = {s: [float(r["seconds"]) for r in rows if r["setting"] == s and r["program"] == "messer-style-sequential"]
        for s in ("raw", "delayed")}
for setting, times in base.items():
    ours = raw if setting == "raw" else delayed
    if times and ours:
        print(f"{setting}: messer / sequential Messer-style baseline: "
              f"{median([float(r['seconds']) for r in ours]) / median(times):.2f}x")
