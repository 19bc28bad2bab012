# Two runs of bin/messer started together after a source change: one builds, the other waits for
# that build and then runs the new jar; both succeed. The launcher runs in a copy of the project
# layout whose ./mvnw stands in for Maven: it takes two seconds, fails if another build is under
# way in the same folder (as two real builds of one target/ do), and logs every build.
project="$SANDBOX/project"
mkdir -p "$project/bin" "$project/src/main" "$project/config" "$project/target"
cp "$REPO/bin/messer" "$project/bin/messer"
cp -R "$REPO/bin/lib" "$project/bin/lib"
cp "$REPO/pom.xml" "$project/pom.xml"
cp "$REPO/config/messer.ini" "$project/config/messer.ini"
cp "$REPO/target/messer.jar" "$project/target/messer.jar"
touch -d '-1 hour' "$project/target/messer.jar"
cat > "$project/mvnw" <<MVNW
#!/bin/sh
echo build >> "$SANDBOX/builds.log"
ls /proc/\$\$/fd | tr '\n' ' ' >> "$SANDBOX/build-fds.log"; echo >> "$SANDBOX/build-fds.log"
env | grep -E '^MESSER_(PASSPHRASE|MFA_TOKEN)' >> "$SANDBOX/build-env.log" || true
if [ -e target/building ]; then echo "mvnw: another build is using target/" >&2; exit 1; fi
touch target/building
sleep 2
cp "$REPO/target/messer.jar" target/messer.jar
rm target/building
MVNW
chmod +x "$project/mvnw" "$project/bin/messer"
echo "// changed" > "$project/src/main/Changed.java"

"$project/bin/messer" --version >"$SANDBOX/a.out" 2>"$SANDBOX/a.err" &
first=$!
"$project/bin/messer" --version >"$SANDBOX/b.out" 2>"$SANDBOX/b.err" &
second=$!
first_status=0
second_status=0
wait "$first" || first_status=$?
wait "$second" || second_status=$?

OUT="$(cat "$SANDBOX/a.out" "$SANDBOX/b.out")"
ERR="$(cat "$SANDBOX/a.err" "$SANDBOX/b.err")"
[ "$first_status" -eq 0 ] || fail "the first run failed with status $first_status"
[ "$second_status" -eq 0 ] || fail "the second run failed with status $second_status"
[ "$(wc -l < "$SANDBOX/builds.log")" -eq 1 ] || fail "expected exactly one build, got $(wc -l < "$SANDBOX/builds.log")"
[ "$(grep -c 'messer' "$SANDBOX/a.out")" -ge 1 ] || fail "the first run printed no version"
[ "$(grep -c 'messer' "$SANDBOX/b.out")" -ge 1 ] || fail "the second run printed no version"
[ "$project/target/messer.jar" -nt "$project/src/main/Changed.java" ] || fail "the jar was not rebuilt"

# a later run finds the jar fresh: no build, no wait
run "$project/bin/messer" --version
expect_status 0
[ "$(wc -l < "$SANDBOX/builds.log")" -eq 1 ] || fail "a run with a fresh jar built again"
[[ "$ERR" != *building* ]] || fail "a run with a fresh jar said it was building"

# A build started while the launcher hands a passphrase and an MFA code to the JVM sees neither:
# not the variables, not the descriptors of the pipes.
sleep 1
echo "// changed again" > "$project/src/main/Changed.java"
MESSER_PASSPHRASE=for-the-jvm-only MESSER_MFA_TOKEN=123456 run "$project/bin/messer" --version
expect_status 0
[ "$(wc -l < "$SANDBOX/builds.log")" -eq 2 ] || fail "the changed source was not built"
[ ! -s "$SANDBOX/build-env.log" ] || fail "the build saw: $(cat "$SANDBOX/build-env.log")"
last_fds="$(tail -n 1 "$SANDBOX/build-fds.log")"
[[ " $last_fds " != *" 7 "* && " $last_fds " != *" 8 "* ]] || fail "the build had the pipes' descriptors: $last_fds"
