#!/usr/bin/env bash
# Cold start, side by side in one hyperfine run: 'data bag show ... --decrypt' of one item from
# the release bundle (its own runtime and AOT cache) and from the plain jar on the default JDK
# (bin/messer, AppCDS), beside a Java hello-world on both runtimes and Messer's algorithm in
# Python/boto3 reading the same item from moto (bench/bulk/messer_style.py read).
# The commands run in interleaved rounds (bench/interleave.py), so that the drift of a shared
# machine's speed falls on all of them alike; RUNNER=hyperfine runs them with hyperfine instead.
# Usage: bench/coldstart.sh   (RUNS=N rounds, default 20; results in bench/results/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-20}"
mkdir -p "$here/results"

runner="${RUNNER:-interleave}"
if [ "$runner" = hyperfine ] && ! command -v hyperfine >/dev/null; then
  apt-get update && apt-get install -y hyperfine
fi
[ -n "${SKIP_BUILD:-}" ] || (cd "$repo" && ./mvnw -B -q -DskipTests -DskipBlackBox=true package)

# shellcheck source=bench/lib.sh
source "$here/lib.sh"
sandbox="$(mktemp -d)"
trap 'stop_moto; rm -rf "$sandbox"' EXIT
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

if [ "$runner" = hyperfine ]; then
  hyperfine -N --warmup 3 --runs "$runs" --export-json "$here/results/coldstart.json" "${commands[@]}"
else
  specs=()
  for ((i = 0; i < ${#commands[@]}; i += 3)); do
    specs+=("${commands[i + 1]}=${commands[i + 2]}")
  done
  python3 "$here/interleave.py" --rounds "$runs" --warmup 3 --export-json "$here/results/coldstart.json" "${specs[@]}"
fi
python3 "$here/summarize.py" "$here/results/coldstart.json" \
  python-messer-style-read:bundle-aws-show:0.6 bundle-java-hello:bundle-local-show:2.5 \
  java17-hello:jar-local-show:4 python-messer-style-read:jar-aws-show:1.0
