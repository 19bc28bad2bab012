#!/usr/bin/env bash
# JMH: envelope v1/v2 encrypt and decrypt of 1 KiB and 1 MiB items.
# Usage: bench/jmh.sh [JMH OPTIONS...]   (results: bench/results/jmh.json and the console table)
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/.." && pwd)"
mkdir -p "$here/results"
[ -f "$repo/target/messer.jar" ] || (cd "$repo" && ./mvnw -B -q -DskipTests -DskipBlackBox=true package)
(cd "$here/jmh" && "$repo/mvnw" -B -q package)
cp="$here/jmh/target/classes:$(cat "$here/jmh/target/classpath.txt"):$repo/target/messer.jar"
java -cp "$cp" org.openjdk.jmh.Main -rf json -rff "$here/results/jmh.json" "$@" EnvelopeBenchmark
