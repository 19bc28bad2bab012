"""Runs several commands in interleaved rounds and writes hyperfine-shaped JSON.

hyperfine runs all the runs of one command before it starts the next, so on a shared machine a
slow minute lands on one command only and skews the ratios. Here every round runs each command
once, in an order rotated from round to round, so drift in the machine's speed is spread over
all of them. Wall time comes from a monotonic clock; CPU time (user and system) from the child's
resource usage (wait4).

Usage: python3 bench/interleave.py --rounds N [--warmup W] --export-json FILE NAME=COMMAND ...
COMMAND is split like a shell would split it (no shell runs it); stdout and stderr are discarded,
and a failing run stops the measurement.
"""
import argparse
import json
import os
import shlex
import statistics
import subprocess
import sys
import time


def run_once(argv):
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        sys.exit(f"interleave: '{shlex.join(argv)}' exited with {child.returncode}")
    return wall, usage.ru_utime, usage.ru_stime


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--warmup", type=int, default=3)
    parser.add_argument("--export-json", required=True)
    parser.add_argument("commands", nargs="+", help="NAME=COMMAND")
    args = parser.parse_args()
    named = []
    for spec in args.commands:
        name, _, command = spec.partition("=")
        named.append((name, shlex.split(command), command))
    samples = {name: {"times": [], "user": [], "system": []} for name, _, _ in named}
    for _ in range(args.warmup):
        for _, argv, _ in named:
            run_once(argv)
    for round_no in range(args.rounds):
        shift = round_no % len(named)
        for name, argv, _ in named[shift:] + named[:shift]:
            wall, user, system = run_once(argv)
            samples[name]["times"].append(wall)
            samples[name]["user"].append(user)
            samples[name]["system"].append(system)
        print(f"round {round_no + 1}/{args.rounds}", file=sys.stderr)
    results = []
    for name, _, command in named:
        s = samples[name]
        results.append({
            "command": name,
            "command_line": command,
            "times": s["times"],
            "mean": statistics.mean(s["times"]),
            "median": statistics.median(s["times"]),
            "min": min(s["times"]),
            "max": max(s["times"]),
            "user": statistics.mean(s["user"]),
            "system": statistics.mean(s["system"]),
        })
    with open(args.export_json, "w") as out:
        json.dump({"runner": "interleaved rounds", "results": results}, out, indent=1)


if __name__ == "__main__":
    main()
