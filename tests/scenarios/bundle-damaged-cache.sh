# A damaged, truncated, stale or missing AOT cache costs the bundle speed, never the command and
# never output: stdout and stderr stay byte-identical to those of a run with the intact cache
# (the JVM would print its complaints on stdout, which breaks eval "$(messer ...)", and damage in
# a cache's body can crash it). The launcher checks the cache's CRC before it passes it on, and
# remembers a check that passed until the cache changes.
source "$REPO/tests/lib/bundle.sh"
unpack_bundle
cache="$(ls "$BUNDLE"/lib/messer-local.aot "$BUNDLE"/lib/messer-local.jsa 2>/dev/null | head -n 1 || true)"
[ -n "$cache" ] || fail "the bundle has no AOT cache or CDS archive for local commands"
cp "$cache" "$SANDBOX/intact"

# A cache folder an earlier launcher made 0755 is narrowed to the user's own.
mkdir -p "$HOME/.cache/messer"
chmod 755 "$HOME/.cache/messer"
bundled quickstart --silent
expect_status 0
for folder in "$HOME/.cache/messer" "$HOME/.cache/messer/verified"; do
  [ "$(stat -c %a "$folder")" = 700 ] || fail "$folder is mode $(stat -c %a "$folder"), not 700"
done
show=(data bag show local demo db --decrypt --profile quickstart --format export)

# The intact cache is in use: the command's own classes come from it, and, being the local
# provider's cache, it holds none of the AWS SDK (a JDK 25 cache loads all its classes at start).
MESSER_JAVA_OPTS="-Xlog:class+load:file=$SANDBOX/classes.log" bundled "${show[@]}"
expect_status 0
for class in dev.messer.cli.Main dev.messer.cli.Cli dev.messer.crypto.AesGcm; do
  grep -q "$class source: shared objects file" "$SANDBOX/classes.log" || fail "$class did not come from the intact cache"
done
! grep -q "software\.amazon\." "$SANDBOX/classes.log" || fail "a local command loaded AWS SDK classes"
ls "$HOME/.cache/messer/verified/" | grep -q "messer-local.aot" || fail "the launcher did not remember the check"

bundled "${show[@]}"
expect_status 0
expect_out_contains "PASSWORD="
printf '%s' "$OUT" >"$SANDBOX/expected.out"
printf '%s' "$ERR" >"$SANDBOX/expected.err"

# same_output WHAT: the last run printed exactly what the run with the intact cache printed.
same_output() {
  expect_status 0
  printf '%s' "$OUT" | cmp -s - "$SANDBOX/expected.out" || fail "stdout differs with $1"
  printf '%s' "$ERR" | cmp -s - "$SANDBOX/expected.err" || fail "stderr differs with $1"
}

# damage OFFSET: overwrites 8 bytes of the cache at OFFSET.
damage() {
  cp "$SANDBOX/intact" "$cache"
  printf 'DAMAGED!' | dd of="$cache" bs=1 seek="$1" conv=notrunc 2>/dev/null
}
size="$(wc -c <"$SANDBOX/intact")"
for offset in 100 300 4000 1000000 $((size / 4)) $((size / 2)) $((size * 3 / 4)) $((size - 8)); do
  damage "$offset"
  bundled "${show[@]}"
  same_output "a cache damaged at byte $offset"
done

# the intact cache again: checked again and used
cp "$SANDBOX/intact" "$cache"
MESSER_JAVA_OPTS="-Xlog:class+load:file=$SANDBOX/classes-again.log" bundled "${show[@]}"
expect_status 0
grep -q "dev.messer.cli.Main source: shared objects file" "$SANDBOX/classes-again.log" ||
  fail "the restored cache was not used"

cp "$SANDBOX/intact" "$cache"
truncate -s 1000000 "$cache"
bundled "${show[@]}"
same_output "a truncated cache"

head -c 100000 /dev/urandom >"$cache"
bundled "${show[@]}"
same_output "random bytes for a cache"

rm -f "$cache"
bundled "${show[@]}"
same_output "no cache"

# stale: the jar changed after the cache was made
cp "$SANDBOX/intact" "$cache"
touch "$BUNDLE/lib/messer.jar"
bundled "${show[@]}"
same_output "a stale cache"
