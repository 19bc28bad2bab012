"""Where a JVM's CPU time goes by thread: the worker threads, the main thread, the JIT compiler, the
garbage collector. Java Flight Recorder samples Java threads only, so the compiler's and the
collector's share is read here from /proc, which counts every thread (Linux only).

Usage: python3 thread_cpu.py PARENT_PID OUT_FILE
Waits for the first child of PARENT_PID (the JVM that bin/messer becomes, started by /usr/bin/time),
reads the CPU time (user + system) of each of its threads every 0.3 s until it exits, and writes the
totals by thread name (numbers dropped: messer-bulk-1 and messer-bulk-2 add up) to OUT_FILE. A thread
that ends between two readings loses at most 0.3 s of its time.
"""
import collections
import os
import re
import sys
import time

parent, out = sys.argv[1], sys.argv[2]
TICKS = os.sysconf("SC_CLK_TCK")


def child():
    for _ in range(200):
        try:
            with open(f"/proc/{parent}/task/{parent}/children") as f:
                pids = f.read().split()
            if pids:
                return pids[0]
        except OSError:
            return None
        time.sleep(0.05)
    return None


def threads(pid):
    found = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return found
    for tid in tids:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        name = stat[stat.index("(") + 1:stat.rindex(")")]
        fields = stat[stat.rindex(")") + 2:].split()
        found[tid] = (name, (int(fields[11]) + int(fields[12])) / TICKS)
    return found


pid = child()
seen = {}
while pid and os.path.exists(f"/proc/{pid}"):
    seen.update(threads(pid))
    time.sleep(0.3)
groups = collections.Counter()
for name, seconds in seen.values():
    groups[re.sub(r"[-#]?\d+$", "", name)] += seconds
with open(out, "w") as f:
    f.write(f"CPU by thread (/proc, s): {sum(groups.values()):.2f} in all\n")
    for name, seconds in groups.most_common(8):
        f.write(f"  {seconds:7.2f}  {name}\n")
