# Start-up does only what the command needs: showing a local item decrypted loads no AWS SDK
# and no Bouncy Castle class, and the launcher's class-data-sharing archive is in use.
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
# The launcher passes the archive only when it is newer than the jar (a build with -DskipCds
# leaves an older one behind); then it must be in use.
if [ -s "$REPO/target/messer.jsa" ] && [ "$REPO/target/messer.jsa" -nt "$REPO/target/messer.jar" ]; then
  grep -q 'dev.messer.cli.Main source: shared objects file' "$log" || fail "the CDS archive was not used"
fi

# an unusable archive costs speed, never the command
echo "not an archive" > "$SANDBOX/damaged.jsa"
MESSER_JAVA_OPTS="-XX:SharedArchiveFile=$SANDBOX/damaged.jsa" run "$MESSER" data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"id":"db"'
MESSER_CDS=off run "$MESSER" data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"id":"db"'
