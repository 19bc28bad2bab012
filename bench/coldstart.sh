#!/usr/bin/env bash
# Cold start, side by side in one run: 'data bag show ... --decrypt' of one item from the release
# bundle (its own runtime and AOT cache) and from the plain jar on the default JDK (bin/messer,
# AppCDS), beside a Java hello-world on both runtimes and Messer's algorithm in Python/boto3
# reading the same item from moto (bench/bulk/messer_style.py read). It prints every cold-start
# target of docs/performance.md with its verdict, the load (uptime) and CPU steal (vmstat) during
# the run, and whether the run counts as quiet (the bundle's hello-world median at most 40 ms;
# load distorts the ratios, so ratios taken under load are no verdict).
# hyperfine times the commands (installed with apt-get when missing). It runs all the runs of one
# command before the next, so the run is split into PASSES passes of RUNS/PASSES runs each, in an
# order rotated from pass to pass, and the passes are pooled: a slow minute of a shared machine
# then falls on every command alike. RUNNER=interleave uses bench/interleave.py instead (one run
# of each command per round). Then, unless CLASSES=0, one run of each messer command with
# -Xlog:class+load is broken down by library and by whether the archive held each class
# (bench/classes.py), and -Xlog:startuptime gives the JVM's own start.
# Usage: bench/coldstart.sh   (RUNS=N, default 20; PASSES=N, default 4; results in bench/results/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-20}"
passes="${PASSES:-4}"
results="$here/results"
mkdir -p "$results"

runner="${RUNNER:-hyperfine}"
if [ "$runner" = hyperfine ] && ! command -v hyperfine >/dev/null; then
  echo "coldstart: installing hyperfine" >&2
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null
  else sudo apt-get update -qq && sudo apt-get install -y -qq hyperfine >/dev/null; fi
fi
[ -n "${SKIP_BUILD:-}" ] || (cd "$repo" && ./mvnw -B -q -DskipTests -DskipBlackBox=true package)

# shellcheck source=bench/lib.sh
source "$here/lib.sh"
sandbox="$(mktemp -d)"
vmstat_pid=
trap 'stop_moto; [ -z "$vmstat_pid" ] || kill "$vmstat_pid" 2>/dev/null; rm -rf "$sandbox"' EXIT
trap 'exit 130' INT TERM
sandbox_home "$sandbox"
tar -xzf "$(ls "$repo"/target/messer-*-linux-x64.tar.gz | head -n 1)" -C "$sandbox"
bundle="$(ls -d "$sandbox"/messer-*-linux-x64)"
(cd "$sandbox" && "$repo/bin/messer" quickstart --silent >/dev/null)
javac --release 17 -d "$sandbox/hello" "$here/coldstart/Hello.java"

commands=(
  -n java17-hello "java -cp $sandbox/hello Hello"
  -n bundle-java-hello "$bundle/runtime/bin/java -cp $sandbox/hello Hello"
  -n jar-local-show "$repo/bin/messer data bag show local demo db --decrypt --profile quickstart"
  -n bundle-local-show "$bundle/bin/messer data bag show local demo db --decrypt --profile quickstart"
)
# The interpreter itself, not a wrapper: a version manager's shim on the PATH (pyenv's is a bash
# script that runs 'pyenv exec') adds hundreds of milliseconds to every start, which a Python tool
# installed with its own interpreter does not pay.
python="$(python3 -c 'import sys; print(sys.executable)')"
if start_moto; then
  moto_setup coldstart secrets keys-base
  python3 "$here/bulk/messer_style.py" seed "$MOTO_URL" secrets keys-base alias/coldstart base 1 1
  moto_ini "$sandbox/aws.ini" "$MOTO_URL" base coldstart keys-base
  show_aws="data bag show aws bag0 item00000 --decrypt -c $sandbox/aws.ini --profile aws"
  commands+=(
    -n python-messer-style-read "$python $here/bulk/messer_style.py read $MOTO_URL secrets keys-base base bag0 item00000"
    -n jar-aws-show "$repo/bin/messer $show_aws"
    -n bundle-aws-show "$bundle/bin/messer $show_aws"
  )
  # all three print the same item
  diff <(python3 "$here/bulk/messer_style.py" read "$MOTO_URL" secrets keys-base base bag0 item00000 |
           python3 -c 'import json,sys; print(json.load(sys.stdin)["password"])') \
       <("$bundle/bin/messer" $show_aws --field password) >/dev/null ||
    { echo "coldstart: messer and the Python reader do not read the same item" >&2; exit 1; }
else
  echo "coldstart: moto_server is missing; the aws cold start is not measured" >&2
fi

# The machine's state during the run: load before and after, and vmstat every 5 s (its 'st'
# column is the CPU time the hypervisor gave to other guests, which the load average misses).
load_before="$(uptime)"
vmstat -n 5 >"$results/coldstart.vmstat" 2>/dev/null &
vmstat_pid=$!
rm -f "$results"/coldstart-pass-*.json
if [ "$runner" = hyperfine ]; then
  # hyperfine takes triples of arguments here: -n NAME COMMAND; a pass starts at another triple.
  n=$((${#commands[@]} / 3))
  per_pass=$(((runs + passes - 1) / passes))
  for ((pass = 0; pass < passes; pass++)); do
    rotated=()
    for ((k = 0; k < n; k++)); do
      j=$(((k + pass) % n))
      rotated+=("${commands[@]:$((3 * j)):3}")
    done
    hyperfine -N --style basic --warmup 1 --runs "$per_pass" \
      --export-json "$results/coldstart-pass-$pass.json" "${rotated[@]}" >"$results/coldstart-pass-$pass.log"
    echo "coldstart: pass $((pass + 1))/$passes done" >&2
  done
else
  specs=()
  for ((i = 0; i < ${#commands[@]}; i += 3)); do
    specs+=("${commands[i + 1]}=${commands[i + 2]}")
  done
  python3 "$here/interleave.py" --rounds "$runs" --warmup 3 --export-json "$results/coldstart-pass-0.json" "${specs[@]}"
fi
kill "$vmstat_pid" 2>/dev/null || true
vmstat_pid=
load_after="$(uptime)"
{
  echo "date: $(date -u '+%Y-%m-%d %H:%M UTC'); runner: $runner, $runs runs per command in $passes passes"
  echo "load before: ${load_before##*load average: }; after: ${load_after##*load average: }"
  awk 'NR == 2 { for (i = 1; i <= NF; i++) col[$i] = i }
       NR > 2 { us += $col["us"]; sy += $col["sy"]; st += $col["st"]; if ($col["st"] > max) max = $col["st"]; n++ }
       END { if (n) printf "vmstat, %d samples of 5 s: user %.0f%%, system %.0f%%, steal %.1f%% (max %d%%)\n", n, us / n, sy / n, st / n, max }' \
    "$results/coldstart.vmstat"
  # The targets of docs/performance.md, and the quiet-machine condition.
  python3 "$here/summarize.py" "$results"/coldstart-pass-*.json --quiet bundle-java-hello:40 \
    bundle-java-hello:bundle-local-show:2.5 python-messer-style-read:bundle-aws-show:0.5 \
    java17-hello:jar-local-show:3.5 python-messer-style-read:jar-aws-show:0.8
} | tee "$results/coldstart.txt"

[ "${CLASSES:-1}" != 0 ] || exit 0
# Where the start goes: one run of each messer command with the classes it loads and the JVM's own
# start-up phases logged to files (never to stdout, which the command prints to).
breakdown() {
  local name="$1"
  shift
  MESSER_JAVA_OPTS="-Xlog:class+load=info:file=$results/classes-$name.log -Xlog:startuptime=info:file=$results/startuptime-$name.log" \
    "$@" >/dev/null
}
breakdown jar-local-show "$repo/bin/messer" data bag show local demo db --decrypt --profile quickstart
breakdown bundle-local-show "$bundle/bin/messer" data bag show local demo db --decrypt --profile quickstart
if [ -n "${show_aws:-}" ]; then
  # shellcheck disable=SC2086
  breakdown jar-aws-show "$repo/bin/messer" $show_aws
  # shellcheck disable=SC2086
  breakdown bundle-aws-show "$bundle/bin/messer" $show_aws
fi
java -Xlog:class+load=info:file="$results/classes-java17-hello.log" -cp "$sandbox/hello" Hello >/dev/null
"$bundle/runtime/bin/java" -Xlog:class+load=info:file="$results/classes-bundle-java-hello.log" -cp "$sandbox/hello" Hello >/dev/null
python3 "$here/classes.py" "$results"/classes-*.log | sed "s|$results/||" | tee -a "$results/coldstart.txt"
for log in "$results"/startuptime-*.log; do
  echo "${log##*/startuptime-}: $(grep -h 'Create VM' "$log" | sed 's/.*Create VM, /JVM start (Create VM) /')"
done | sed 's/\.log:/:/' | tee -a "$results/coldstart.txt"
# The CPU time of each phase of the local show and of each thread (-Dmesser.startup.trace): CPU time
# is what load distorts least.
for launcher in "$repo/bin/messer" "$bundle/bin/messer"; do
  echo "${launcher%/bin/messer}: local show, CPU time by phase (thread, process so far) and by thread:"
  MESSER_JAVA_OPTS=-Dmesser.startup.trace "$launcher" data bag show local demo db --decrypt --profile quickstart 2>&1 >/dev/null |
    sed -n 's/^messer: startup /  /p'
done | sed "s|$sandbox/||; s|$repo|checkout|" | tee -a "$results/coldstart.txt"
