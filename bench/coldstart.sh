#!/usr/bin/env bash
# Cold start of 'messer data bag show --decrypt' beside a Java hello-world and a Python process
# that imports boto3 and creates S3 and KMS clients, all in one hyperfine run.
# Usage: bench/coldstart.sh   (RUNS=N to change the number of runs; results in bench/results/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-30}"
mkdir -p "$here/results"

if ! command -v hyperfine >/dev/null; then
  apt-get update && apt-get install -y hyperfine
fi
(cd "$repo" && ./mvnw -B -q -DskipTests -DskipBlackBox=true package)

sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
export HOME="$sandbox/home" XDG_CONFIG_HOME="$sandbox/home/.config" XDG_DATA_HOME="$sandbox/home/.local/share"
(cd "$sandbox" && "$repo/bin/messer" quickstart --silent >/dev/null)
javac -d "$sandbox/hello" "$here/coldstart/Hello.java"

commands=(
  -n java-hello "java -cp $sandbox/hello Hello"
  -n boto3-clients "python3 $here/coldstart/boto3_clients.py"
  -n messer-local-show "$repo/bin/messer data bag show local demo db --decrypt --profile quickstart"
)
# shellcheck source=/dev/null
[ -f "$here/coldstart/aws.sh" ] && source "$here/coldstart/aws.sh"

hyperfine -N --warmup 3 --runs "$runs" --export-json "$here/results/coldstart.json" "${commands[@]}"
python3 "$here/summarize.py" "$here/results/coldstart.json" \
  java-hello:messer-local-show:4 boto3-clients:messer-aws-show:0.8
