#!/usr/bin/env bash
# Bulk re-encrypt (or, with COMMAND=rotate-keys, rotate-keys) of ITEMS items on moto, messer
# against a sequential Messer-style baseline (bulk/messer_style.py: one item at a time, one KMS
# Decrypt per item), once against raw moto and once through a loopback proxy adding DELAY_MS per
# request (bulk/delay_proxy.py). SKIP_BUILD=1 measures what target/ holds.
# Usage: bench/bulk.sh   (ITEMS=2000 DELAY_MS=20 RUNS=3 BASELINE_RUNS=1 PARALLEL=8 COMMAND=re-encrypt;
# results in bench/results/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
items="${ITEMS:-2000}"
delay="${DELAY_MS:-20}"
runs="${RUNS:-3}"
baseline_runs="${BASELINE_RUNS:-1}"
parallel="${PARALLEL:-8}"
command="${COMMAND:-re-encrypt}"
mkdir -p "$here/results"
out="$here/results/bulk.tsv"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

[ -n "${SKIP_BUILD:-}" ] || (cd "$repo" && ./mvnw -B -q -DskipTests -DskipBlackBox=true package)
sandbox="$(mktemp -d)"
sandbox_home "$sandbox"
proxy_pid=""
cleanup() { [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null; stop_moto; rm -rf "$sandbox"; }
trap cleanup EXIT

start_moto
moto_setup bench secrets keys-base keys-messer
echo "seeding $items items twice (baseline tier 'base', messer tier 'dev') ..." >&2
python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys-base alias/bench base 10 "$items"
python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys-messer alias/bench dev 10 "$items"

proxy_port="$(free_port)"
moto_ini "$sandbox/raw.ini" "$MOTO_URL" dev bench keys-messer
moto_ini "$sandbox/delayed.ini" "http://127.0.0.1:$proxy_port" dev bench keys-messer

now() { date +%s.%N; }
start_proxy() { # start_proxy DELAY STATS_FILE
  python3 "$here/bulk/delay_proxy.py" "$proxy_port" 127.0.0.1 "$MOTO_PORT" "$1" "$2" >/dev/null 2>&1 &
  proxy_pid=$!
  sleep 0.5
}
stop_proxy() { kill "$proxy_pid" 2>/dev/null; wait "$proxy_pid" 2>/dev/null || true; proxy_pid=""; }

printf 'setting\tprogram\trun\tseconds\titems_per_s\trequests\tkms_calls\tmoto_cpu_s\tdetail\n' >"$out"
# moto_cpu: the CPU seconds (user + system) moto_server has used so far. moto answers on one core
# at a time (Python's global lock), so the CPU it spends on a run bounds that run's wall time.
moto_cpu() { awk '{printf "%.2f\n", ($14 + $15) / 100}' "/proc/$MOTO_PID/stat"; }
measure() { # measure SETTING ENDPOINT INI
  local setting="$1" endpoint="$2" ini="$3" stats="$sandbox/proxy.json" t0 t1 detail
  for run in $(seq 1 "$baseline_runs"); do
    if [ "$setting" = delayed ]; then start_proxy "$delay" "$stats"; fi
    m0="$(moto_cpu)"
    t0="$(now)"; python3 "$here/bulk/messer_style.py" re-encrypt "$endpoint" secrets keys-base base >/dev/null; t1="$(now)"
    moto_seconds="$(python3 -c "print(round($(moto_cpu) - $m0, 2))")"
    if [ "$setting" = delayed ]; then stop_proxy; fi
    record "$setting" messer-style-sequential "$run" "$t0" "$t1" "$stats" "-"
  done
  for run in $(seq 1 "$runs"); do
    if [ "$command" = re-encrypt ]; then   # every item has work to do; rotate-keys adds the version itself
      "$repo/bin/messer" encryption increment aws app -c "$sandbox/raw.ini" --silent
    fi
    if [ "$setting" = delayed ]; then start_proxy "$delay" "$stats"; fi
    m0="$(moto_cpu)"
    t0="$(now)"
    detail="$("$repo/bin/messer" bulk "$command" aws "$ini" --parallel "$parallel" --stats 2>&1 | tail -2 | tr '\n' ' ')"
    t1="$(now)"
    moto_seconds="$(python3 -c "print(round($(moto_cpu) - $m0, 2))")"
    if [ "$setting" = delayed ]; then stop_proxy; fi
    record "$setting" "messer-$command-parallel-$parallel" "$run" "$t0" "$t1" "$stats" "$detail"
  done
}
record() { # record SETTING PROGRAM RUN T0 T1 STATS DETAIL
  local seconds requests kms
  seconds="$(python3 -c "print(round($5 - $4, 3))")"
  if [ "$1" = delayed ]; then
    requests="$(python3 -c "import json; print(json.load(open('$6'))['requests'])")"
    kms="$(python3 -c "import json; print(json.load(open('$6'))['kms_calls'])")"
  else
    requests="-"; kms="-"
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$seconds" \
    "$(python3 -c "print(round($items / $seconds, 1))")" "$requests" "$kms" "$moto_seconds" "$7" | tee -a "$out" >&2
}

echo "raw moto ..." >&2
measure raw "$MOTO_URL" "$sandbox/raw.ini"
echo "through the proxy, ${delay} ms per request ..." >&2
measure delayed "http://127.0.0.1:$proxy_port" "$sandbox/delayed.ini"
"$repo/bin/messer" data bag show aws bag7 item00007 --decrypt -c "$sandbox/raw.ini" >/dev/null \
  || { echo "bench: an item does not decrypt after the runs" >&2; exit 1; }
python3 "$here/bulk/summarize_bulk.py" "$out" "$items"
