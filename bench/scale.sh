#!/usr/bin/env bash
# Scale run: ITEMS items (default 20,000) seeded on moto in Messer's format, then `bulk list`,
# `bulk re-encrypt` (one pass) and `bulk rotate-keys` (two passes, with a spill file between them)
# through bin/messer with the Java heap capped (HEAP, default -Xmx256m). Records
# per command its exit status, wall time, peak resident memory (/usr/bin/time -v) and the live heap
# after garbage collection: the JVM runs with -Xlog:gc (a log per command in the sandbox, kept in
# bench/results/), and the figure is the largest heap occupancy after any collection (the "->"
# figure of each pause line, which counts what the collection could not free), beside the largest
# after a full collection, where the whole heap was traced (or "-" when none ran), and the largest
# spill file the command held (its size, sampled every 2 s through /proc/PID/fd: the file is
# unlinked as it is opened). Young collections alone never trace the old generation, so what they
# leave counts garbage promoted earlier: every FULL_GC_EVERY seconds (default 20, 0 for never) the
# script asks the JVM for a full collection (`jcmd PID GC.run`), and the largest occupancy after a
# full collection is the live heap.
# Not a test: run it by hand. SKIP_BUILD=1 measures what target/ holds. KEEP_MOTO=1 leaves the
# seeded moto running; REUSE_MOTO=URL measures against it without seeding again.
# COMMANDS chooses which of the three run, in order, and may add `audit` (`messer audit aws`, which
# reads every item and decrypts none; exit 1 is its findings).
# Usage: bench/scale.sh   (ITEMS=20000 BAGS=20 PARALLEL=8 HEAP=-Xmx256m COMMANDS="list re-encrypt rotate-keys";
#                          results in bench/results/scale-ITEMS.tsv)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
items="${ITEMS:-20000}"
bags="${BAGS:-20}"
parallel="${PARALLEL:-8}"
full_gc_every="${FULL_GC_EVERY:-20}"
heap="${HEAP:--Xmx256m}"
commands="${COMMANDS:-list re-encrypt rotate-keys}"
mkdir -p "$here/results"
out="$here/results/scale-$items.tsv"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || (cd "$repo" && ./mvnw -o -B -q -DskipCds=true -DskipTests -DskipBlackBox=true -DskipBundle=true package)
sandbox="$(mktemp -d)"
sandbox_home "$sandbox"
cleanup() { [ -n "${KEEP_MOTO:-}" ] && echo "moto left running at $MOTO_URL" >&2 || stop_moto; rm -rf "$sandbox"; }
trap cleanup EXIT

if [ -n "${REUSE_MOTO:-}" ]; then   # a moto this script seeded before and left running (KEEP_MOTO=1)
  MOTO_URL="$REUSE_MOTO"
else
  start_moto
  moto_setup bench secrets keys
  echo "seeding $items items in $bags bags ..." >&2
  t0="$(date +%s)"
  python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys alias/bench dev "$bags" "$items"
  echo "seeded in $(( $(date +%s) - t0 )) s" >&2
fi

moto_ini "$sandbox/scale.ini" "$MOTO_URL" dev bench keys
# moto lists a bucket by walking every key it holds, so a page of a large bucket on a busy machine
# can take longer than the 10 s a whole call gets by default (S3 answers a page in milliseconds)
printf 'api_call_timeout = 300\nread_timeout = 300\n' >>"$sandbox/scale.ini"
# every item has a newer key version to move to
"$repo/bin/messer" encryption increment aws app -c "$sandbox/scale.ini" --silent

# gc_after LOG [full]: the largest heap occupancy after a collection in an -Xlog:gc log, in MB (the
# "->" figure of each pause line, converted from its unit); with "full", only full collections.
gc_after() {
  awk -v only="${2:-}" '
    / Pause / && /->/ {
      if (only == "full" && $0 !~ /Pause Full/) next
      if (!match($0, /->[0-9.]+[KMG]/)) next
      v = substr($0, RSTART + 2, RLENGTH - 3) + 0; u = substr($0, RSTART + RLENGTH - 1, 1)
      mb = (u == "K") ? v / 1024 : (u == "G") ? v * 1024 : v
      if (n == 0 || mb > max) max = mb; n++ # numbers, not strings: "9" sorts after "32"
    }
    END { if (n) printf "%.0f\n", max; else print "-" }' "$1"
}

# spill_bytes PID: the bytes of the open (unlinked) spill files of process PID, 0 when none.
spill_bytes() {
  local fd total=0 size
  for fd in /proc/"$1"/fd/*; do
    case "$(readlink "$fd" 2>/dev/null)" in
      *messer-bulk-*) size="$(stat -L -c %s "$fd" 2>/dev/null || echo 0)"; total=$((total + size)) ;;
    esac
  done
  echo "$total"
}

printf 'command\texit\twall_s\tpeak_rss_mb\tgcs\tlive_after_gc_mb\tlive_after_full_gc_mb\tspill_mb\tdetail\n' >"$out"
measure() { # measure NAME ARGS... : runs bin/messer under /usr/bin/time -v with the heap cap and -Xlog:gc
  local name="$1" rc=0 wall rss detail gcs log="$sandbox/gc-$1.log" timer java="" spill=0 bytes ticks=0; shift
  MESSER_JAVA_OPTS="$heap -Xlog:gc:file=$log" /usr/bin/time -v -o "$sandbox/time.txt" "$repo/bin/messer" "$@" \
    >"$sandbox/stdout.txt" 2>"$sandbox/stderr.txt" &
  timer=$!
  while kill -0 "$timer" 2>/dev/null; do   # the JVM is the launcher's exec, the child of time
    [ -n "$java" ] || java="$(pgrep -P "$timer" | head -1 || true)"
    if [ -n "$java" ]; then
      bytes="$(spill_bytes "$java")"
      [ "$bytes" -le "$spill" ] || spill="$bytes"
      ticks=$((ticks + 2))
      if [ "$full_gc_every" -gt 0 ] && [ $((ticks % full_gc_every)) -lt 2 ]; then   # the JVM's own jcmd
        "$(dirname "$(readlink -f "/proc/$java/exe")")/jcmd" "$java" GC.run >/dev/null 2>&1 || true
      fi
    fi
    sleep 2
  done
  wait "$timer" || rc=$?
  cp "$log" "$here/results/scale-$items-$name.gc.log" 2>/dev/null || true
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$sandbox/time.txt" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$sandbox/time.txt")"
  gcs="$(grep -c ' Pause ' "$log" 2>/dev/null || true)"
  detail="$(grep -v '^$' "$sandbox/stderr.txt" | tail -2 | tr '\n' ' ' || true)"
  if [ "$name" = list ]; then detail="$detail$(grep -c $'^\t' "$sandbox/stdout.txt" || true) items listed"; fi
  if [ "$name" = audit ]; then
    detail="$detail$(python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["tiers"][0]["items"])' \
      "$sandbox/stdout.txt" 2>/dev/null || echo "no") items read"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rc" "$wall" "$rss" "${gcs:-0}" "$(gc_after "$log")" \
    "$(gc_after "$log" full)" "$(awk -v b="$spill" 'BEGIN { printf "%.1f", b / 1048576 }')" "$detail" | tee -a "$out" >&2
}

for command in $commands; do
  case "$command" in
    list) measure list bulk list aws "$sandbox/scale.ini" ;;
    re-encrypt|rotate-keys) measure "$command" bulk "$command" aws "$sandbox/scale.ini" --parallel "$parallel" --stats ;;
    audit) measure audit audit aws -c "$sandbox/scale.ini" --profile aws --format json --parallel "$parallel" ;;
    *) echo "bench: COMMANDS takes list, re-encrypt, rotate-keys and audit, not '$command'" >&2; exit 2 ;;
  esac
done
"$repo/bin/messer" data bag show aws "bag$((7 % bags))" item00007 --decrypt -c "$sandbox/scale.ini" >/dev/null \
  || { echo "bench: an item does not decrypt after the run" >&2; exit 1; }
echo "ok: $items items, heap $heap; results in $out" >&2
