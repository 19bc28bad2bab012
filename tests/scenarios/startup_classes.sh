# Start-up does only what the command needs: showing a local item decrypted loads no AWS SDK
# and no Bouncy Castle class and generates no proxy class, and the launcher's class-data-sharing
# archive is in use.
run "$MESSER" quickstart --silent
expect_status 0
log="$SANDBOX/classes.log"
MESSER_JAVA_OPTS="-Xlog:class+load:file=$log" run "$MESSER" data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"id":"db"'
[ -s "$log" ] || fail "no class-load log was written"
if grep -E 'software\.amazon|org\.bouncycastle' "$log" >/dev/null; then
  fail "start-up loaded AWS SDK or Bouncy Castle classes: $(grep -E -m3 'software\.amazon|org\.bouncycastle' "$log")"
fi
# The options come from the index the build put in the jar (cli.OptionIndex), not from their
# annotations, whose proxy classes no archive can hold: a jar without the index would show them.
if grep -E '\.\$Proxy[0-9]+ ' "$log" >/dev/null; then
  fail "start-up generated proxy classes (is the option index missing from the jar?): $(grep -E -m3 '\.\$Proxy[0-9]+ ' "$log")"
fi
# The launcher passes the archive only when it is newer than the jar (a build with -DskipCds
# leaves an older one behind); then it must be in use.
if [ -s "$REPO/target/messer.jsa" ] && [ "$REPO/target/messer.jsa" -nt "$REPO/target/messer.jar" ]; then
  grep -q 'dev.messer.cli.Main source: shared objects file' "$log" || fail "the CDS archive was not used"
  # A heap past 32 GB turns compressed object pointers off, and the JVM then refuses the archive
  # (made with them on): the launcher caps the heap the JVM chooses itself, so a container's
  # JAVA_TOOL_OPTIONS asking for half of the memory keeps the archive on a 256 GB host.
  JAVA_TOOL_OPTIONS="-XX:MaxRAM=256g -XX:MaxRAMPercentage=50" MESSER_JAVA_OPTS="-Xlog:class+load:file=$SANDBOX/big-host.log" \
    run "$MESSER" data bag show local demo db --decrypt --profile quickstart
  expect_status 0
  grep -q 'dev.messer.cli.Main source: shared objects file' "$SANDBOX/big-host.log" ||
    fail "with a default heap past 32 GB the CDS archive was not used"
fi

# an unusable archive costs speed, never the command
echo "not an archive" > "$SANDBOX/damaged.jsa"
MESSER_JAVA_OPTS="-XX:SharedArchiveFile=$SANDBOX/damaged.jsa" run "$MESSER" data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"id":"db"'
MESSER_CDS=off run "$MESSER" data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"id":"db"'
