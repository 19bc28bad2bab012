#!/usr/bin/env bash
# Start-up of the example service (src/it/example-service, Spring Boot 3.5) side by side in one run
# of interleaved rounds: once importing its database password and API key from messer on moto
# (spring.config.import=messer:...), once with the same values as plain properties
# (--spring.config.name=plain). Both run on the same JDK with its default class-data-sharing
# archive and no AOT cache (CDS=1: both with one AppCDS archive of the service, trained on a run
# with the import); each run is a whole JVM, from launch until the service has started and
# exited. The figures and the machine go in docs/performance.md.
# Usage: bench/springboot.sh   (RUNS=N rounds, default 15; SKIP_BUILD=1 to use what target/ holds; CDS=1)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
runs="${RUNS:-15}"
mkdir -p "$here/results"
project="$repo/target/it/boot-3.5"
if [ -z "${SKIP_BUILD:-}" ] || [ ! -d "$project/target/classes" ]; then
  # the jars, then the Spring Boot 3.5 project of src/it (installed and compiled by maven-invoker-plugin)
  (cd "$repo" && ./mvnw -B -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -DskipITs \
    -DskipBlackBox=true -DskipCds=true -Dinvoker.test=boot-3.5)
fi
(cd "$project" && "$repo/mvnw" -B -q org.apache.maven.plugins:maven-dependency-plugin:3.9.0:build-classpath \
  -Dmdep.includeScope=runtime -Dmdep.outputFile="$project/target/runtime.classpath" >/dev/null)
classpath="$project/target/classes:$(cat "$project/target/runtime.classpath")"

# shellcheck source=bench/lib.sh
source "$here/lib.sh"
sandbox="$(mktemp -d)"
trap 'stop_moto; rm -rf "$sandbox"' EXIT
sandbox_home "$sandbox"
start_moto
moto_setup springboot secrets keys
cat >"$sandbox/messer.ini" <<INI
[profile aws]
provider = aws
tier = dev
master_key = springboot
region = us-east-1
secrets_bucket = secrets
keys_bucket = keys
endpoint_url = $MOTO_URL
path_style = true
INI
messer() { java -jar "$repo/target/messer.jar" "$@" -c "$sandbox/messer.ini" >/dev/null; }
messer encryption create aws app
messer data bag create aws payments
printf '%s' '{"id":"db","user":"app","password":"s3cret","hosts":["db-1.internal","db-2.internal"]}' >"$sandbox/db.json"
printf '%s' '{"id":"api","key":"k-123"}' >"$sandbox/api.json"
messer data bag from file aws payments "$sandbox/db.json" --secret-file app
messer data bag from file aws payments "$sandbox/api.json" --secret-file app

service="java -Xshare:auto -cp $classpath dev.messer.example.ExampleService"
if [ -n "${CDS:-}" ]; then
  # one AppCDS archive of the service, trained on a run with the messer import, used by both
  # variants; an archive takes jars only, so the service's classes go into one first
  jar cf "$sandbox/service.jar" -C "$project/target/classes" .
  classpath="$sandbox/service.jar:$(cat "$project/target/runtime.classpath")"
  java -XX:ArchiveClassesAtExit="$sandbox/service.jsa" -cp "$classpath" dev.messer.example.ExampleService \
    --messer.config="$sandbox/messer.ini" --messer.profile=aws >/dev/null 2>&1
  service="java -XX:SharedArchiveFile=$sandbox/service.jsa -Xshare:on -cp $classpath dev.messer.example.ExampleService"
fi
# both print the same line: the values arrived
for args in "--messer.config=$sandbox/messer.ini --messer.profile=aws" "--spring.config.name=plain"; do
  # shellcheck disable=SC2086
  $service $args | grep -q 'db password set, api key set' ||
    { echo "springboot: the example service did not start with $args" >&2; exit 1; }
done
echo "uptime before: $(uptime)"
python3 "$here/interleave.py" --rounds "$runs" --warmup 2 --export-json "$here/results/springboot.json" \
  "plain-properties=$service --spring.config.name=plain" \
  "messer-import=$service --messer.config=$sandbox/messer.ini --messer.profile=aws"
echo "uptime after: $(uptime)"
python3 "$here/summarize.py" "$here/results/springboot.json"
python3 - "$here/results/springboot.json" <<'PY'
import json, statistics, sys
r = {x["command"]: statistics.median(x["times"]) for x in json.load(open(sys.argv[1]))["results"]}
print(f"messer-import - plain-properties = {(r['messer-import'] - r['plain-properties']) * 1000:.0f} ms (median)")
PY
