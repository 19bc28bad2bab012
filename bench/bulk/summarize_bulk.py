"""Medians per setting and program from bench/results/bulk.tsv, and messer's speed-up.

Usage: python3 summarize_bulk.py RESULTS.tsv ITEMS
"""
import csv
import statistics
import sys

rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
items = int(sys.argv[2])
medians = {}
for setting in ("raw", "delayed"):
    for program in sorted({r["program"] for r in rows if r["setting"] == setting}):
        runs = [r for r in rows if r["setting"] == setting and r["program"] == program]
        seconds = statistics.median(float(r["seconds"]) for r in runs)
        medians[(setting, program)] = seconds
        requests = [int(r["requests"]) for r in runs if r["requests"] != "-"]
        kms = [int(r["kms_calls"]) for r in runs if r["kms_calls"] != "-"]
        extra = ""
        moto = [float(r["moto_cpu_s"]) for r in runs if r.get("moto_cpu_s", "-") not in ("-", "")]
        if moto:
            extra += f", moto CPU {statistics.median(moto):.2f} s"
        if requests:
            extra += f", {statistics.median(requests) / items:.2f} requests/item, {int(statistics.median(kms))} KMS calls"
        print(f"{setting:8s} {program:26s} median {seconds:7.2f} s over {len(runs)} run(s), "
              f"{items / seconds:7.1f} items/s{extra}")
    base = [s for (st, p), s in medians.items() if st == setting and p.startswith("messer-style")]
    ours = [s for (st, p), s in medians.items() if st == setting and p.startswith("messer-") and not p.startswith("messer-style")]
    if base and ours:
        print(f"{setting:8s} messer time / sequential baseline time: {ours[0] / base[0]:.2f}x "
              f"(speed-up {base[0] / ours[0]:.2f}x)")
        ours_name = [p for (st, p) in medians if st == setting and p.startswith("messer-") and not p.startswith("messer-style")][0]
        moto = [float(r["moto_cpu_s"]) for r in rows if r["setting"] == setting and r["program"] == ours_name
                and r.get("moto_cpu_s", "-") not in ("-", "")]
        if moto:
            print(f"{setting:8s} moto's own CPU in messer's run / baseline time: "
                  f"{statistics.median(moto) / base[0]:.2f}x (moto runs under one Python lock: about the floor of the ratio on this server)")
