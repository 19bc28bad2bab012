# A bulk run whose link to S3 dies: a relay between messer and the emulator is killed with
# SIGKILL while `bulk re-encrypt` runs. The run counts its failed items, prints its summary and
# one line saying S3 is unreachable, exits 1, leaves every item decryptable, and a run against
# the emulator again finishes the work.
source "$REPO/tests/lib/moto.sh"
start_moto
ITEMS=120
python3 - "$MOTO_URL" <<'PY'
import sys, boto3
url = sys.argv[1]
boto3.client("kms", endpoint_url=url, region_name="us-east-1").create_alias(
    AliasName="alias/relay", TargetKeyId=boto3.client("kms", endpoint_url=url, region_name="us-east-1").create_key()["KeyMetadata"]["KeyId"])
for bucket in ("secrets", "keys"):
    boto3.client("s3", endpoint_url=url, region_name="us-east-1").create_bucket(Bucket=bucket)
PY
python3 "$REPO/bench/bulk/messer_style.py" seed "$MOTO_URL" secrets keys alias/relay dev 3 "$ITEMS"

RELAY_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
write_ini() { # write_ini FILE ENDPOINT
  cat > "$1" <<INI
[profile aws]
provider = aws
tier = dev
master_key = relay
region = us-east-1
secrets_bucket = secrets
keys_bucket = keys
endpoint_url = $2
path_style = true
item_format = 1
INI
}
write_ini direct.ini "$MOTO_URL"
write_ini relayed.ini "http://127.0.0.1:$RELAY_PORT"
cat > local.ini <<INI
[profile copy]
provider = local
tier = copy
master_key = copy
INI
run "$MESSER" configure local -m copy -c local.ini --profile copy; expect_status 0

run "$MESSER" encryption increment aws app -c direct.ini
expect_status 0

# wait_requests N: waits until the relay has passed N requests (it writes its counts twice a second)
wait_requests() {
  for _ in $(seq 1 600); do
    if [ -s "$SANDBOX/relay.json" ] &&
      [ "$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["requests"])' "$SANDBOX/relay.json" 2>/dev/null || echo 0)" -ge "$1" ]; then
      return 0
    fi
    sleep 0.1
  done
  fail "the relay did not see $1 requests"
}

# the relay adds 100 ms to every request, so that the run is still going when it dies
python3 "$REPO/bench/bulk/delay_proxy.py" "$RELAY_PORT" 127.0.0.1 "$MOTO_PORT" 100 "$SANDBOX/relay.json" >/dev/null 2>&1 &
RELAY_PID=$!
sleep 0.5
"$MESSER" bulk re-encrypt aws relayed.ini --parallel 2 >"$SANDBOX/out" 2>"$SANDBOX/err" &
MESSER_PID=$!
wait_requests 40
kill -9 "$RELAY_PID"
wait "$RELAY_PID" 2>/dev/null || true
status=0
wait "$MESSER_PID" || status=$?
OUT="$(cat "$SANDBOX/out")"
ERR="$(cat "$SANDBOX/err")"
STATUS="$status"
printf '%s\n' "$ERR" | tail -n 5

expect_status 1
summary="$(printf '%s\n' "$ERR" | grep -E '^re-encrypt: [0-9]+ done, 0 skipped, [0-9]+ failed')" \
  || fail "no summary line"
done_count="$(printf '%s\n' "$summary" | sed -E 's/^re-encrypt: ([0-9]+) done.*/\1/')"
failed_count="$(printf '%s\n' "$summary" | sed -E 's/.* ([0-9]+) failed.*/\1/')"
[ "$failed_count" -ge 1 ] || fail "the run should count its failed items, got: $summary"
[ "$(printf '%s\n' "$ERR" | grep -c '^failed ')" -eq "$failed_count" ] || fail "one line per failed item expected"
expect_err_contains "S3 at http://127.0.0.1:$RELAY_PORT is unreachable; $done_count items done, "
expect_err_contains "not tried; re-run to resume"
not_tried="$(printf '%s\n' "$ERR" | sed -nE 's/.* items done, ([0-9]+) not tried.*/\1/p')"
[ $((done_count + failed_count + not_tried)) -eq "$ITEMS" ] || fail "done + failed + not tried should be $ITEMS"
printf '%s\n' "$ERR" | grep -q "remain in item format" && fail "the run did not check every item's format"
printf '%s\n' "$ERR" | grep -q "unexpected" && fail "an unexpected error ended the run"

# every item still decrypts: copying decrypts each one
run "$MESSER" bulk copy aws local direct.ini local.ini --dest-profile copy
expect_status 0
expect_err_contains "copy: $ITEMS done, 0 skipped, 0 failed"

# a re-run finishes the work
run "$MESSER" bulk re-encrypt aws direct.ini
expect_status 0
expect_err_contains "re-encrypt: $((ITEMS - done_count)) done, $done_count skipped, 0 failed"
run "$MESSER" bulk re-encrypt aws direct.ini
expect_status 0
expect_err_contains "re-encrypt: 0 done, $ITEMS skipped, 0 failed"

# Ctrl-C mid-run: the run still says what it did (a background job of this shell ignores SIGINT,
# so the command is started with SIGINT's default action, as at a terminal)
run "$MESSER" encryption increment aws app -c direct.ini
expect_status 0
rm -f "$SANDBOX/relay.json"
python3 "$REPO/bench/bulk/delay_proxy.py" "$RELAY_PORT" 127.0.0.1 "$MOTO_PORT" 100 "$SANDBOX/relay.json" >/dev/null 2>&1 &
RELAY_PID=$!
sleep 0.5
python3 -c 'import os, signal, sys; signal.signal(signal.SIGINT, signal.SIG_DFL); os.execvp(sys.argv[1], sys.argv[1:])' \
  "$MESSER" bulk re-encrypt aws relayed.ini --parallel 2 >"$SANDBOX/out" 2>"$SANDBOX/err" &
MESSER_PID=$!
wait_requests 40
kill -INT "$MESSER_PID"
status=0
wait "$MESSER_PID" || status=$?
kill "$RELAY_PID"
wait "$RELAY_PID" 2>/dev/null || true
[ "$status" -ne 0 ] || fail "an interrupted run should not exit 0"
grep -Eq '^re-encrypt stopped early: [0-9]+ done, [0-9]+ skipped, [0-9]+ failed, [0-9]+ not tried; re-run to resume$' \
  "$SANDBOX/err" || fail "no summary after Ctrl-C: $(cat "$SANDBOX/err")"

# messer itself killed with SIGKILL mid-run: nothing is half written, and a re-run finishes
run "$MESSER" encryption increment aws app -c direct.ini
expect_status 0
rm -f "$SANDBOX/relay.json"
python3 "$REPO/bench/bulk/delay_proxy.py" "$RELAY_PORT" 127.0.0.1 "$MOTO_PORT" 100 "$SANDBOX/relay.json" >/dev/null 2>&1 &
RELAY_PID=$!
sleep 0.5
"$MESSER" bulk re-encrypt aws relayed.ini --parallel 2 >/dev/null 2>&1 &
MESSER_PID=$!
wait_requests 40
kill -9 "$MESSER_PID"
wait "$MESSER_PID" 2>/dev/null || true
kill "$RELAY_PID"
wait "$RELAY_PID" 2>/dev/null || true
run "$MESSER" bulk copy aws local direct.ini local.ini --dest-profile copy
expect_status 0
expect_err_contains "copy: 0 done, $ITEMS skipped, 0 failed"
run "$MESSER" bulk re-encrypt aws direct.ini
expect_status 0
moved="$(printf '%s\n' "$ERR" | sed -nE 's/^re-encrypt: ([0-9]+) done, ([0-9]+) skipped, 0 failed.*/\1 \2/p')"
[ -n "$moved" ] || fail "no summary after the re-run"
read -r moved_now moved_before <<<"$moved"
[ $((moved_now + moved_before)) -eq "$ITEMS" ] || fail "the re-run should account for every item"
[ "$moved_before" -gt 0 ] || fail "the killed run should have moved some items before it died"
