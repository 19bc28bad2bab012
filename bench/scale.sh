#!/usr/bin/env bash
# Scale run: ITEMS items (default 20,000) seeded on moto in Messer's format, then `bulk list` and
# `bulk re-encrypt` through bin/messer with the Java heap capped (HEAP, default -Xmx256m). Records
# wall time, peak resident memory (/usr/bin/time -v) and the outcome of each command.
# Not a test: run it by hand. SKIP_BUILD=1 measures what target/ holds.
# Heap in use is sampled with jcmd GC.heap_info every 5 s. KEEP_MOTO=1 leaves the seeded moto running;
# REUSE_MOTO=URL measures against it without seeding again.
# Usage: bench/scale.sh   (ITEMS=20000 BAGS=20 PARALLEL=8 HEAP=-Xmx256m; results in bench/results/scale.tsv)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
items="${ITEMS:-20000}"
bags="${BAGS:-20}"
parallel="${PARALLEL:-8}"
heap="${HEAP:--Xmx256m}"
mkdir -p "$here/results"
out="$here/results/scale.tsv"
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
# every item has a newer key version to move to
"$repo/bin/messer" encryption increment aws app -c "$sandbox/scale.ini" --silent

printf 'command\texit\twall_s\tpeak_rss_mb\tmax_heap_used_mb\tdetail\n' >"$out"
measure() { # measure NAME ARGS... : runs bin/messer under /usr/bin/time -v with the heap cap
  local name="$1" rc=0 wall rss detail; shift
  MESSER_JAVA_OPTS="$heap" /usr/bin/time -v -o "$sandbox/time.txt" "$repo/bin/messer" "$@" \
    >"$sandbox/stdout.txt" 2>"$sandbox/stderr.txt" &
  local timer=$! java="" heap_mb=0 used
  while kill -0 "$timer" 2>/dev/null; do   # heap in use (young + old), sampled every 5 s
    [ -n "$java" ] || java="$(pgrep -f "dev.messer.cli.Main $*" | head -1 || true)"
    if [ -n "$java" ]; then
      used="$(jcmd "$java" GC.heap_info 2>/dev/null | awk '/generation/ { for (i = 1; i < NF; i++) if ($i == "used") { v = $(i + 1); sub("K.*", "", v); s += v } } END { print int(s / 1024) }' || true)"
      [ "${used:-0}" -gt "$heap_mb" ] && heap_mb="$used"
    fi
    sleep 5
  done
  wait "$timer" || rc=$?
  wall="$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$sandbox/time.txt" \
    | awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }')"
  rss="$(awk '/Maximum resident set size/ { printf "%.0f", $NF / 1024 }' "$sandbox/time.txt")"
  detail="$(grep -v '^$' "$sandbox/stderr.txt" | tail -2 | tr '\n' ' ' || true)"
  if [ "$name" = list ]; then detail="$detail$(grep -c $'^\t' "$sandbox/stdout.txt" || true) items listed"; fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$rc" "$wall" "$rss" "$heap_mb" "$detail" | tee -a "$out" >&2
}

measure list bulk list aws "$sandbox/scale.ini"
measure re-encrypt bulk re-encrypt aws "$sandbox/scale.ini" --parallel "$parallel" --stats
"$repo/bin/messer" data bag show aws bag7 item00007 --decrypt -c "$sandbox/scale.ini" >/dev/null \
  || { echo "bench: an item does not decrypt after the run" >&2; exit 1; }
echo "ok: $items items, heap $heap; results in $out" >&2
