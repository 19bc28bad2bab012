#!/usr/bin/env bash
# Bulk on moto: the bulk figures of docs/performance.md in one run, with the state of the machine.
#  - throughput: `bulk COMMAND` (rotate-keys) of ITEMS (2000) items with default settings, on raw
#    moto and through a loopback proxy adding DELAY_MS (100) per request (bulk/delay_proxy.py, a
#    far region); the figure is the delayed run's throughput over the raw run's;
#  - CPU per item: messer's own CPU (user + system of the launcher and its JVM, /usr/bin/time) of
#    runs over SMALL_ITEMS (600) and ITEMS on raw moto; the figure is the slope between them,
#    which leaves out what every run pays once (the JVM's start, the listing, the key calls);
#  - the machine: date, load average and vmstat's steal column, before and after.
# Each of the RUNS (3) rounds runs raw, delayed and small once, in that order, so that a slow
# minute of a shared machine falls on all of them; medians are reported.
# PARALLEL=N pins --parallel (default: the adaptive default). PROFILE=1 adds one raw run recorded
# by Java Flight Recorder and prints where its CPU samples fall (bulk/jfr_top.py), and the CPU of
# each of its threads (bulk/thread_cpu.py), the JIT compiler and the collector included.
# BASELINE_RUNS=N adds N runs of the sequential Messer-style baseline (bulk/messer_style.py, one
# KMS Decrypt per item) on raw moto and through the proxy. MESSER=PATH measures another checkout's
# launcher (a tree of the code before a change) with this script; MESSER_B=PATH (and MESSER_C)
# measure more launchers in the same run, each round running every launcher in turn, so that a
# before-and-after comparison shares the machine's state; each launcher's figures are reported
# apart, named by their directory. CPU_ONLY=1 leaves out the runs through the proxy (only the CPU
# slope). SKIP_BUILD=1 measures what target/ holds. Results: bench/results/bulk.tsv, the summary
# on stdout.
# The remaining bulk figure, a run over 100,000 items under -Xmx256m, is bench/scale.sh's (about an
# hour); this script prints its last results when bench/results/scale-100000.tsv exists.
# Usage: bench/bulk.sh   (ITEMS=2000 SMALL_ITEMS=600 DELAY_MS=100 RUNS=3 COMMAND=rotate-keys)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
items="${ITEMS:-2000}"
small="${SMALL_ITEMS:-600}"
delay="${DELAY_MS:-100}"
runs="${RUNS:-3}"
baseline_runs="${BASELINE_RUNS:-0}"
parallel="${PARALLEL:-}"
command="${COMMAND:-rotate-keys}"
messer="${MESSER:-$repo/bin/messer}"
launchers=("$messer")
[ -z "${MESSER_B:-}" ] || launchers+=("$MESSER_B")
[ -z "${MESSER_C:-}" ] || launchers+=("$MESSER_C")
# label LAUNCHER: the checkout a launcher belongs to, as the results name it
label() { basename "$(cd "$(dirname "$1")/.." && pwd)"; }
mkdir -p "$here/results"
out="$here/results/bulk.tsv"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
[ -n "${SKIP_BUILD:-}" ] || [ -n "${MESSER:-}" ] \
  || (cd "$repo" && ./mvnw -o -B -q -DskipTests -DskipBlackBox=true -DskipBundle=true package)
sandbox="$(mktemp -d)"
sandbox_home "$sandbox"
proxy_pid=""
cleanup() { [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null; stop_moto; rm -rf "$sandbox"; }
trap cleanup EXIT
machine_before="$(machine_state)"

start_moto
moto_setup bench secrets keys-messer keys-small keys-base
echo "seeding $items + $small items (tiers 'dev' and 'small', each with its own keys bucket) ..." >&2
python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys-messer alias/bench dev 10 "$items"
python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys-small alias/bench small 10 "$small"
if [ "$baseline_runs" -gt 0 ]; then
  python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys-base alias/bench base 10 "$items"
fi
proxy_port="$(free_port)"
moto_ini "$sandbox/raw.ini" "$MOTO_URL" dev bench keys-messer
moto_ini "$sandbox/small.ini" "$MOTO_URL" small bench keys-small
moto_ini "$sandbox/delayed.ini" "http://127.0.0.1:$proxy_port" dev bench keys-messer

start_proxy() { # start_proxy STATS_FILE
  python3 "$here/bulk/delay_proxy.py" "$proxy_port" 127.0.0.1 "$MOTO_PORT" "$delay" "$1" >/dev/null 2>&1 &
  proxy_pid=$!
  sleep 0.5
}
stop_proxy() { kill "$proxy_pid" 2>/dev/null; wait "$proxy_pid" 2>/dev/null || true; proxy_pid=""; }
# moto_cpu: the CPU seconds (user + system) moto_server has used so far. moto answers one request
# at a time (Python's global lock), so the CPU it spends on a run is a floor of that run's wall time.
moto_cpu() { awk '{printf "%.2f\n", ($14 + $15) / 100}' "/proc/$MOTO_PID/stat"; }

printf 'setting\tprogram\titems\trun\tseconds\tuser_s\tsys_s\trequests\tkms_calls\tmoto_cpu_s\tdetail\n' >"$out"
# run SETTING INI ITEMS RUN [JAVA_OPTS]: one run of $messer, timed, one row of the results
run() {
  local setting="$1" ini="$2" n="$3" round="$4" stats="$sandbox/proxy.json" m0 detail
  local requests=- kms=- args=(bulk "$command" aws "$2" --stats)
  [ -z "$parallel" ] || args+=(--parallel "$parallel")
  if [ "$command" = re-encrypt ]; then   # every item has work to do; rotate-keys adds the version itself
    "$messer" encryption increment aws app -c "${ini/delayed.ini/raw.ini}" --silent
  fi
  [ "$setting" = delayed ] && start_proxy "$stats"
  m0="$(moto_cpu)"
  MESSER_JAVA_OPTS="${5:-}" /usr/bin/time -f '%e %U %S' -o "$sandbox/time.txt" "$messer" "${args[@]}" \
    >/dev/null 2>"$sandbox/err.txt" &
  local timer=$! threads=""
  if [ "$round" = profile ]; then   # the JIT compiler's and the collector's CPU, which JFR does not sample
    python3 "$here/bulk/thread_cpu.py" "$timer" "$here/results/bulk-threads.txt" & threads=$!
  fi
  wait "$timer" || { cat "$sandbox/err.txt" >&2; exit 1; }
  [ -z "$threads" ] || wait "$threads" || true
  moto_seconds="$(python3 -c "print(round($(moto_cpu) - $m0, 2))")"
  if [ "$setting" = delayed ]; then
    stop_proxy
    requests="$(python3 -c "import json; print(json.load(open('$stats'))['requests'])")"
    kms="$(python3 -c "import json; print(json.load(open('$stats'))['kms_calls'])")"
  fi
  detail="$(grep -E '^(rotate-keys|re-encrypt|stats):' "$sandbox/err.txt" | tr '\n' ' ')"
  read -r wall user sys <"$sandbox/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" "messer-$command${program_suffix:-}" "$n" "$round" "$wall" \
    "$user" "$sys" "$requests" "$kms" "$moto_seconds" "$detail" | tee -a "$out" >&2
}
baseline() { # baseline SETTING RUN: the sequential Messer-style re-encryption of the 'base' tier
  local setting="$1" endpoint="$MOTO_URL" stats="$sandbox/proxy.json" requests=- kms=- m0
  if [ "$setting" = delayed ]; then start_proxy "$stats"; endpoint="http://127.0.0.1:$proxy_port"; fi
  m0="$(moto_cpu)"
  /usr/bin/time -f '%e %U %S' -o "$sandbox/time.txt" \
    python3 "$here/bulk/messer_style.py" re-encrypt "$endpoint" secrets keys-base base >/dev/null
  moto_seconds="$(python3 -c "print(round($(moto_cpu) - $m0, 2))")"
  if [ "$setting" = delayed ]; then
    stop_proxy
    requests="$(python3 -c "import json; print(json.load(open('$stats'))['requests'])")"
    kms="$(python3 -c "import json; print(json.load(open('$stats'))['kms_calls'])")"
  fi
  read -r wall user sys <"$sandbox/time.txt"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$setting" messer-style-sequential "$items" "$2" "$wall" \
    "$user" "$sys" "$requests" "$kms" "$moto_seconds" - | tee -a "$out" >&2
}

for round in $(seq 1 "$runs"); do
  echo "round $round of $runs: raw moto, ${delay} ms proxy, $small items ..." >&2
  for messer in "${launchers[@]}"; do
    [ "${#launchers[@]}" -eq 1 ] || program_suffix="@$(label "$messer")"
    run raw "$sandbox/raw.ini" "$items" "$round"
    [ -n "${CPU_ONLY:-}" ] || run delayed "$sandbox/delayed.ini" "$items" "$round"
    run raw "$sandbox/small.ini" "$small" "$round"
  done
done
messer="${launchers[0]}"; program_suffix="${program_suffix:+@$(label "$messer")}"
for round in $(seq 1 "$baseline_runs"); do
  baseline raw "$round"
  baseline delayed "$round"
done
if [ -n "${PROFILE:-}" ] && [ "${PROFILE:-0}" != 0 ]; then
  jfr_file="$here/results/bulk.jfr"
  echo "profiling one raw run with Java Flight Recorder ($jfr_file) ..." >&2
  run raw "$sandbox/raw.ini" "$items" profile "-XX:StartFlightRecording=filename=$jfr_file,settings=profile"
fi
"$messer" data bag show aws bag7 item00007 --decrypt -c "$sandbox/raw.ini" >/dev/null \
  || { echo "bench: an item does not decrypt after the runs" >&2; exit 1; }
machine_after="$(machine_state)"

echo "bench/bulk.sh: bulk $command, $items and $small items, ${delay} ms proxy, ${parallel:-default} --parallel, $runs rounds"
[ "${#launchers[@]}" -eq 1 ] || for l in "${launchers[@]}"; do echo "  messer-$command@$(label "$l"): $l"; done
echo "before: $machine_before"
echo "after:  $machine_after"
python3 "$here/bulk/summarize_bulk.py" "$out" "$items" "$small"
if [ -n "${jfr_file:-}" ]; then
  python3 "$here/bulk/jfr_top.py" "$jfr_file"
  cat "$here/results/bulk-threads.txt" 2>/dev/null || true
fi
scale="$here/results/scale-100000.tsv"
echo "bulk over 100,000 items under -Xmx256m: from bench/scale.sh, not run here" \
  "(ITEMS=100000 HEAP=-Xmx256m bench/scale.sh, about an hour; ITEMS=20000 for the run it is compared with)"
for file in "$scale" "$here/results/scale-20000.tsv"; do
  if [ -f "$file" ]; then
    echo "last results in ${file#"$repo"/} (written $(date -u -r "$file" '+%Y-%m-%d %H:%M UTC')):"
    column -t -s $'\t' "$file" 2>/dev/null | cut -c1-160 || cut -f1-8 "$file"
  fi
done
