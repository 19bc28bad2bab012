#!/usr/bin/env bash
# audit on moto against its floor: ITEMS items (default 20,000) seeded in Messer's format, then, in
# rounds that alternate the two, `messer audit aws --format json` and the same LIST plus one GET per
# item made directly with the AWS SDK (audit/ListAndGet.java, same JVM, same parallelism), both
# through bulk/delay_proxy.py (DELAY_MS, default 0), which counts requests and KMS calls. Prints
# the median wall time of each, their ratio (the audit must stay within 1.25x) and the KMS calls
# the audit made (must be 0).
# Not a test: run it by hand. SKIP_BUILD=1 measures what target/ holds; RUNS=N rounds (default 3);
# KEEP_MOTO=1 leaves the seeded moto running, REUSE_MOTO=URL measures against it without seeding.
# Usage: bench/audit.sh   (results in bench/results/audit.tsv)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
items="${ITEMS:-20000}"
bags="${BAGS:-20}"
runs="${RUNS:-3}"
parallel="${PARALLEL:-8}"
delay="${DELAY_MS:-0}"
mkdir -p "$here/results"
out="$here/results/audit.tsv"
# shellcheck source=bench/lib.sh
source "$here/lib.sh"

[ -n "${SKIP_BUILD:-}" ] || (cd "$repo" && ./mvnw -o -B -q -DskipCds=true -DskipTests -DskipBlackBox=true -DskipBundle=true package)
sandbox="$(mktemp -d)"
sandbox_home "$sandbox"
proxy_pid=""
cleanup() {
  [ -n "$proxy_pid" ] && kill "$proxy_pid" 2>/dev/null || true
  [ -n "${KEEP_MOTO:-}" ] && echo "moto left running at $MOTO_URL" >&2 || stop_moto
  rm -rf "$sandbox"
}
trap cleanup EXIT

if [ -n "${REUSE_MOTO:-}" ]; then
  MOTO_URL="$REUSE_MOTO"
else
  start_moto
  moto_setup bench secrets keys
  echo "seeding $items items in $bags bags ..." >&2
  python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys alias/bench dev "$bags" "$items"
fi

proxy_port="$(free_port)"
python3 "$here/bulk/delay_proxy.py" "$proxy_port" 127.0.0.1 "${MOTO_URL##*:}" "$delay" "$sandbox/proxy.json" &
proxy_pid=$!
sleep 1
endpoint="http://127.0.0.1:$proxy_port"
moto_ini "$sandbox/audit.ini" "$endpoint" dev bench keys
javac -d "$sandbox/classes" -cp "$repo/target/messer.jar" "$here/audit/ListAndGet.java"

kms_calls() { python3 -c 'import json, sys; print(json.load(open(sys.argv[1]))["kms_calls"])' "$sandbox/proxy.json"; }
seconds() { python3 -c 'import sys; print(f"{(int(sys.argv[2]) - int(sys.argv[1])) / 1e9:.2f}")' "$1" "$2"; }

printf 'round\tcommand\twall_s\tkms_calls\tdetail\n' >"$out"
for round in $(seq 1 "$runs"); do
  for command in audit sdk; do
    sleep 1   # the proxy writes its counts every half second
    before="$(kms_calls)"
    t0="$(date +%s%N)"
    if [ "$command" = audit ]; then
      rc=0
      "$repo/bin/messer" audit aws -c "$sandbox/audit.ini" --profile aws --format json --parallel "$parallel" \
        >"$sandbox/audit.json" 2>"$sandbox/audit.err" || rc=$?
      [ "$rc" -le 1 ] || { cat "$sandbox/audit.err" >&2; exit 1; }
      detail="$(python3 -c 'import json, sys; t = json.load(open(sys.argv[1]))["tiers"][0]; print(t["items"], "items read, exit", sys.argv[2])' "$sandbox/audit.json" "$rc")"
    else
      detail="$(java -cp "$repo/target/messer.jar:$sandbox/classes" ListAndGet "$endpoint" secrets dev/ "$parallel")"
    fi
    t1="$(date +%s%N)"
    sleep 1
    printf '%s\t%s\t%s\t%s\t%s\n' "$round" "$command" "$(seconds "$t0" "$t1")" "$(( $(kms_calls) - before ))" "$detail" \
      | tee -a "$out" >&2
  done
done
python3 - "$out" <<'PY'
import csv, statistics, sys
rows = list(csv.DictReader(open(sys.argv[1]), delimiter="\t"))
median = {c: statistics.median(float(r["wall_s"]) for r in rows if r["command"] == c) for c in ("audit", "sdk")}
kms = sum(int(r["kms_calls"]) for r in rows if r["command"] == "audit")
ratio = median["audit"] / median["sdk"]
print(f"median audit {median['audit']:.2f} s, SDK LIST+GETs {median['sdk']:.2f} s, ratio {ratio:.2f} "
      f"(limit 1.25); KMS calls by audit: {kms}")
sys.exit(0 if ratio <= 1.25 and kms == 0 else 1)
PY
