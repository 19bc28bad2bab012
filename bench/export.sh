#!/usr/bin/env bash
# 'messer export' of 5 items from 3 bags in one process, against the 5 separate
# 'data bag show --decrypt' calls a pipeline needed before, on the local provider, in one
# hyperfine run.
# Usage: bench/export.sh   (RUNS=N to change the number of runs; results in bench/results/)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-20}"
mkdir -p "$here/results"

if ! command -v hyperfine >/dev/null; then
  apt-get update && apt-get install -y hyperfine
fi
(cd "$repo" && ./mvnw -B -q -DskipTests -DskipBlackBox=true package)

sandbox="$(mktemp -d)"
trap 'rm -rf "$sandbox"' EXIT
# shellcheck source=bench/lib.sh
source "$here/lib.sh"
sandbox_home "$sandbox"
messer="$repo/bin/messer"
"$messer" configure local -m bench -e bench 2>/dev/null
"$messer" encryption create local app --silent
for bag in db api tls; do "$messer" data bag create local "$bag" --silent; done
refs=(db/main db/replica api/web tls/cert tls/key)
for ref in "${refs[@]}"; do
  printf '{"id": "%s", "%s_secret": "value of %s"}' "${ref#*/}" "${ref#*/}" "$ref" \
    | "$messer" data bag from file local "${ref%/*}" - --secret-file app --silent
done

shows=""
for ref in "${refs[@]}"; do
  shows+="$messer data bag show local ${ref%/*} ${ref#*/} --decrypt --format env --silent; "
done
hyperfine --warmup 2 --runs "$runs" --export-json "$here/results/export.json" \
  -n export-5-items "$messer export local ${refs[*]} --format env --silent" \
  -n show-5-calls "sh -c '$shows'"
