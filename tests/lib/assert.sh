# Helpers for tests/scenarios/*.sh. Each scenario runs with `set -euo pipefail` in a sandbox
# (cwd, HOME and XDG dirs are fresh); $MESSER is bin/messer, $FIXTURES is tests/fixtures.

# run CMD...: runs a command, capturing stdout in $OUT, stderr in $ERR and the status in $STATUS.
run() {
  set +e
  OUT="$("$@" 2>"$SANDBOX/.stderr")"
  STATUS=$?
  set -e
  ERR="$(cat "$SANDBOX/.stderr")"
}

fail() {
  echo "assertion failed: $*" >&2
  echo "--- stdout:" >&2; printf '%s\n' "${OUT:-}" >&2
  echo "--- stderr:" >&2; printf '%s\n' "${ERR:-}" >&2
  exit 1
}

expect_status() { [ "$STATUS" -eq "$1" ] || fail "expected exit status $1, got $STATUS"; }
expect_out_contains() { [[ "$OUT" == *"$1"* ]] || fail "stdout does not contain: $1"; }
expect_err_contains() { [[ "$ERR" == *"$1"* ]] || fail "stderr does not contain: $1"; }
expect_out_empty() { [ -z "$OUT" ] || fail "stdout is not empty"; }
expect_err_empty() { [ -z "$ERR" ] || fail "stderr is not empty"; }
expect_one_line_err() { [ -n "$ERR" ] && [ "$(printf '%s\n' "$ERR" | wc -l)" -eq 1 ] || fail "stderr is not one line: '$ERR'"; }
