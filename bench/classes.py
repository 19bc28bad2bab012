"""Breaks a JVM's class loading down by library and by where each class came from.

Usage: python3 bench/classes.py LOG [LOG ...]
LOG is the output of -Xlog:class+load (JDK 17 or 25). For each log it prints, per library, how
many classes were loaded, how many of those came from the class-data-sharing archive or AOT cache
("shared objects file"), and how many were read and defined at run time (from the jar or the
runtime image, or generated: lambdas, annotation proxies, method handles). Classes defined at run
time are what an archive did not hold; each costs parsing, verification and linking.
"""
import re
import sys

GROUPS = [
    ("generated (lambdas, proxies, method handles)", re.compile(r"(\$\$Lambda|\$Proxy|^jdk\.proxy|LambdaForm\$|Species_|\$\$)")),
    ("messer", re.compile(r"^dev\.messer\.")),
    ("AWS SDK", re.compile(r"^software\.amazon\.")),
    ("Bouncy Castle", re.compile(r"^org\.bouncycastle\.")),
    ("JCommander", re.compile(r"^com\.beust\.")),
    ("ini4j", re.compile(r"^org\.ini4j\.")),
    ("Gson", re.compile(r"^com\.google\.gson\.")),
    ("JDK", re.compile(r"^(java|javax|jdk|sun|com\.sun)\.")),
    ("other libraries", re.compile(r".")),
]
LINE = re.compile(r"^\[([0-9.]+)s\].*\[class,load\s*\] (\S+) source: (.*)$")


def breakdown(path):
    counts = {name: [0, 0] for name, _ in GROUPS}
    last = None
    for line in open(path, errors="replace"):
        match = LINE.search(line)
        if not match:
            continue
        at, name, source = match.groups()
        last = float(at)
        group = next(g for g, pattern in GROUPS if pattern.search(name))
        counts[group][0 if source.startswith("shared objects file") else 1] += 1
    return counts, last


def main(paths):
    for path in paths:
        counts, last = breakdown(path)
        shared = sum(c[0] for c in counts.values())
        defined = sum(c[1] for c in counts.values())
        print(f"{path}: {shared + defined} classes, {shared} from the archive, {defined} defined at run time")
        if last is not None:
            print(f"  last class loaded at {last * 1000:.0f} ms of JVM uptime")
        print(f"  {'library':46s} {'loaded':>7s} {'archive':>8s} {'run time':>9s}")
        for name, (from_archive, at_run_time) in counts.items():
            if from_archive + at_run_time:
                print(f"  {name:46s} {from_archive + at_run_time:7d} {from_archive:8d} {at_run_time:9d}")


if __name__ == "__main__":
    main(sys.argv[1:])
