# MESSER_PASSPHRASE and MESSER_MFA_TOKEN reach no process messer starts, not even through /proc:
# /proc/PID/environ shows the environment a process started with, whatever it unset later. The
# exec child (the launcher's own process after the handoff, and a child of the JVM), the editor of
# 'edit', a credential_process helper and the kill(1) that passes a signal on each read the
# starting environment and the arguments of every ancestor, from themselves up to PID 1 (so through
# the launcher as this scenario started it), and find neither value. The item's values are in no
# process's arguments or starting environment but the command's own. MESSER_PASSPHRASE_FILE and
# MESSER_PASSPHRASE_FD open the same protected key.
passphrase="passphrase-of-the-master-key-$$"
token="mfa-code-$$"
printf '%s\n%s\n' "$passphrase" "$token" >"$SANDBOX/patterns"

# probe REPORT: appends one line per process from this one up to PID 1: "PID clean", "PID LEAK"
# (a value, or the variable's name, in its starting environment or arguments) or "PID unreadable".
cat >probe <<EOF
#!/usr/bin/env bash
patterns="$SANDBOX/patterns"
EOF
cat >>probe <<'EOF'
pid=$$
while :; do
  if environ="$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/environ")" && args="$(tr '\0' '\n' 2>/dev/null <"/proc/$pid/cmdline")"; then
    if printf '%s\n%s\n' "$environ" "$args" | grep -qF -f "$patterns" ||
       printf '%s\n' "$environ" | grep -qE '^(MESSER_PASSPHRASE|MESSER_MFA_TOKEN)='; then
      echo "$pid LEAK"
    else
      echo "$pid clean"
    fi
  else
    echo "$pid unreadable"
  fi >>"$1"
  [ "$pid" -gt 1 ] || break
  pid="$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status")"
done
EOF
chmod +x probe
probe="$PWD/probe"

# expect_clean REPORT LAUNCHER: the probe went through the launcher's process and found nothing.
expect_clean() {
  [ -s "$1" ] || fail "no probe ran ($1 is missing)"
  grep -q "^$2 clean\$" "$1" || fail "the probe did not read the launcher's process $2: $(tr '\n' ' ' <"$1")"
  ! grep -q LEAK "$1" || fail "a secret is readable in /proc: $(tr '\n' ' ' <"$1")"
}

# start_messer CMD...: runs bin/messer in the background with both secrets in its environment, so
# that LAUNCHER is the process this scenario started; then waits for it (STATUS, OUT, ERR).
start_messer() {
  MESSER_PASSPHRASE="$passphrase" MESSER_MFA_TOKEN="$token" "$MESSER" "$@" >"$SANDBOX/out" 2>"$SANDBOX/err" &
  LAUNCHER=$!
  set +e
  wait "$LAUNCHER"
  STATUS=$?
  set -e
  OUT="$(cat "$SANDBOX/out")"
  ERR="$(cat "$SANDBOX/err")"
}

MESSER_PASSPHRASE="$passphrase" run "$MESSER" configure local --passphrase
expect_status 0
MESSER_PASSPHRASE="$passphrase" "$MESSER" encryption create local app --silent
MESSER_PASSPHRASE="$passphrase" "$MESSER" data bag create local app --silent
echo '{"id": "db", "password": "s3cr3t-Pa55"}' >db.json
MESSER_PASSPHRASE="$passphrase" "$MESSER" data bag from file local app db.json --secret-file app --silent
# An item with a variable bash would change (RANDOM): its command stays a child of the JVM.
item_value="item-value-$$-$RANDOM"
echo "{\"id\": \"jvm\", \"random\": \"4\", \"token\": \"$item_value\"}" >jvm.json
MESSER_PASSPHRASE="$passphrase" "$MESSER" data bag from file local app jvm.json --secret-file app --silent

# exec: the child, with the item's fields, finds neither value in itself or any ancestor: handed
# over (the launcher's process is the command's), and as a child of the JVM.
start_messer exec local app/db -- sh -c '[ "$PASSWORD" = s3cr3t-Pa55 ] && "$0" "$1"' "$probe" "$SANDBOX/exec.report"
expect_status 0
expect_clean "$SANDBOX/exec.report" "$LAUNCHER"
grep -q "^$LAUNCHER clean\$" <(head -n 2 "$SANDBOX/exec.report") || fail "the command is not the launcher's process"
start_messer exec local app/jvm -- sh -c '[ "$(cat /proc/$PPID/comm)" = java ] && "$0" "$1"' "$probe" "$SANDBOX/jvm.report"
expect_status 0
expect_clean "$SANDBOX/jvm.report" "$LAUNCHER"

# The item's value is in no other process's arguments or starting environment while the command
# runs: the command (bash, reading /proc with builtins only, so that it starts no process) scans
# every process but itself. app/plain, with the same token as app/jvm but no RANDOM, is handed
# over; app/jvm runs as a child of the JVM.
echo "{\"id\": \"plain\", \"token\": \"$item_value\"}" >plain.json
MESSER_PASSPHRASE="$passphrase" "$MESSER" data bag from file local app plain.json --secret-file app --silent
scan='found=""; for dir in /proc/[0-9]*; do [ "${dir#/proc/}" = "$$" ] && continue
  for file in cmdline environ; do
    { while IFS= read -r -d "" entry || [ -n "$entry" ]; do
        case "$entry" in *"$TOKEN"*) found="$found ${dir#/proc/}/$file" ;; esac
      done <"$dir/$file"; } 2>/dev/null
  done; done; echo "found:$found"'
for item in app/plain app/jvm; do
  start_messer exec local "$item" -- bash -c "$scan"
  expect_status 0
  [ "$OUT" = "found:" ] || fail "the value of $item is readable in /proc:$OUT"
done

# edit: the editor and its ancestors.
printf '#!/bin/sh\n"%s" "%s"\n' "$probe" "$SANDBOX/edit.report" >editor.sh
chmod +x editor.sh
EDITOR="$PWD/editor.sh" start_messer data bag edit local app db
expect_status 0
expect_clean "$SANDBOX/edit.report" "$LAUNCHER"

# kill(1), run to pass a SIGTERM on to the exec child: a kill found first on the PATH probes, then
# runs the real one. The child's TERM trap makes the exit status 7.
mkdir fakebin
printf '#!/bin/sh\n"%s" "%s"\ntr "\\0" "\\n" </proc/$$/environ >"%s"\nPATH=/usr/bin:/bin exec kill "$@"\n' \
  "$probe" "$SANDBOX/kill.report" "$SANDBOX/kill.environ" >fakebin/kill
chmod +x fakebin/kill
PATH="$PWD/fakebin:$PATH" start_messer exec local app/jvm -- \
  bash -c 'trap "exit 7" TERM; kill -TERM $PPID; for _ in $(seq 1 300); do sleep 0.1; done; exit 3'
expect_status 7
expect_clean "$SANDBOX/kill.report" "$LAUNCHER"
# Even under a JVM started directly, which has both in its own environment (not covered, see
# docs/security.md), kill starts without them.
rm "$SANDBOX/kill.environ"
MESSER_PASSPHRASE="$passphrase" MESSER_MFA_TOKEN="$token" PATH="$PWD/fakebin:$PATH" run java -cp "$REPO/target/messer.jar" \
  dev.messer.cli.Main exec local app/db -- bash -c 'trap "exit 7" TERM; kill -TERM $PPID; for _ in $(seq 1 300); do sleep 0.1; done; exit 3'
expect_status 7
[ -s "$SANDBOX/kill.environ" ] || fail "kill did not run"
! grep -qE "^MESSER_(PASSPHRASE|MFA_TOKEN)=" "$SANDBOX/kill.environ" && ! grep -qF -f "$SANDBOX/patterns" "$SANDBOX/kill.environ" || fail "kill started with a secret: $(cat "$SANDBOX/kill.environ")"

# credential_process: the helper the AWS SDK runs for a profile probes, then hands out keys. The
# endpoint refuses connections; what matters is that the helper ran.
printf '#!/bin/sh\n"%s" "%s"\necho %s\n' "$probe" "$SANDBOX/helper.report" \
  "'{\"Version\": 1, \"AccessKeyId\": \"AKIDEXAMPLE\", \"SecretAccessKey\": \"secret\"}'" >helper.sh
chmod +x helper.sh
printf '[profile helper]\ncredential_process = %s\n' "$PWD/helper.sh" >aws-config
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
cat >aws.ini <<INI
[profile aws]
provider = aws
tier = dev
master_key = helper-dev
region = us-east-1
secrets_bucket = helper-secrets
keys_bucket = helper-keys
aws_profile = helper
endpoint_url = http://127.0.0.1:$port
path_style = true
INI
AWS_CONFIG_FILE="$PWD/aws-config" AWS_SHARED_CREDENTIALS_FILE="$PWD/none" start_messer \
  data bag show aws app -c aws.ini --profile aws
[ "$STATUS" -ne 0 ] || fail "a show against a closed port succeeded"
expect_clean "$SANDBOX/helper.report" "$LAUNCHER"

# The other ways to give the passphrase open the same key.
umask 077
printf '%s\n' "$passphrase" >passphrase.txt
MESSER_PASSPHRASE_FILE="$PWD/passphrase.txt" run "$MESSER" data bag show local app db --decrypt --field password
expect_status 0
[ "$OUT" = s3cr3t-Pa55 ] || fail "MESSER_PASSPHRASE_FILE did not open the key: [$OUT]"
MESSER_PASSPHRASE_FD=5 run "$MESSER" data bag show local app db --decrypt --field password 5< <(printf %s "$passphrase")
expect_status 0
[ "$OUT" = s3cr3t-Pa55 ] || fail "MESSER_PASSPHRASE_FD did not open the key: [$OUT]"
# The launcher's own descriptors never take the caller's: a passphrase on descriptor 8 and an MFA
# code in the environment (which the launcher would hand on descriptor 8), and the other way round.
MESSER_MFA_TOKEN="$token" MESSER_PASSPHRASE_FD=8 run "$MESSER" data bag show local app db --decrypt --field password \
  8< <(printf '%s\n' "$passphrase")
expect_status 0
[ "$OUT" = s3cr3t-Pa55 ] || fail "the caller's descriptor 8 was taken: [$OUT] $ERR"
MESSER_PASSPHRASE="$passphrase" MESSER_MFA_TOKEN_FD=7 run "$MESSER" data bag show local app db --decrypt --field password \
  7< <(printf %s "$token")
expect_status 0
[ "$OUT" = s3cr3t-Pa55 ] || fail "the caller's descriptor 7 was taken: [$OUT] $ERR"

# One way per secret; a passphrase file others can read is refused with the fix.
MESSER_PASSPHRASE="$passphrase" MESSER_PASSPHRASE_FILE="$PWD/passphrase.txt" run "$MESSER" data bag show local app
expect_status 2
expect_one_line_err
expect_err_contains "MESSER_PASSPHRASE and MESSER_PASSPHRASE_FILE are both set"
MESSER_PASSPHRASE_FD=5 MESSER_PASSPHRASE_FILE="$PWD/passphrase.txt" run "$MESSER" data bag show local app 5</dev/null
expect_status 2
expect_one_line_err
expect_err_contains "MESSER_PASSPHRASE_FD and MESSER_PASSPHRASE_FILE are both set"
chmod 644 passphrase.txt
MESSER_PASSPHRASE_FILE="$PWD/passphrase.txt" run "$MESSER" data bag show local app db --decrypt
expect_status 1
expect_one_line_err
expect_err_contains "MESSER_PASSPHRASE_FILE $PWD/passphrase.txt is accessible by group or others (mode rw-r--r--); run 'chmod 600 $PWD/passphrase.txt'"
[[ "$OUT$ERR" != *"$passphrase"* ]] || fail "the passphrase was printed"
