# A newcomer's first command: quickstart on a fresh machine prints the decrypted sample item,
# and a second run works too.
cd "$REPO"
run "$MESSER" quickstart
expect_status 0
expect_out_contains '"password":"correct-horse-battery-staple"'
expect_err_contains '$ messer data bag from file local demo'
run "$MESSER" quickstart
expect_status 0
expect_out_contains '"id":"db"'
run "$MESSER" data bag show local demo --profile quickstart
expect_status 0
[ "$OUT" = "db" ] || fail "bag listing should be exactly 'db'"

# Away from the checkout the sample item comes from the jar, as in the release bundle: the steps
# quickstart prints run as written (messer being bin/messer) by someone starting on a fresh HOME, and
# the docs it points at exist.
mkdir "$SANDBOX/elsewhere" && cd "$SANDBOX/elsewhere"
run "$MESSER" quickstart --profile quickstart
expect_status 0
steps="$(printf '%s\n' "$ERR" | sed -n 's/^   \$ //p')"
[ "$(printf '%s\n' "$steps" | wc -l)" -eq 5 ] || fail "quickstart printed these steps: $steps"
[[ "$steps" == *"printf '%s\n' '{\"id\":\"db\""*"| messer data bag from file local demo - --secret-file app"* ]] ||
  fail "step 4 does not upload the sample item from standard input: $steps"
messer() { "$MESSER" "$@"; }
(
  export HOME="$SANDBOX/fresh" XDG_CONFIG_HOME="$SANDBOX/fresh/.config" XDG_DATA_HOME="$SANDBOX/fresh/.local/share"
  while IFS= read -r step; do
    eval "$step" >"$SANDBOX/step.out" 2>"$SANDBOX/step.err" ||
      fail "quickstart's step does not run as written: $step: $(cat "$SANDBOX/step.err")"
  done <<<"$steps"
  grep -q '"password":"correct-horse-battery-staple"' "$SANDBOX/step.out" || fail "the last step showed: $(cat "$SANDBOX/step.out")"
)
docs="$(printf '%s\n' "$ERR" | sed -n 's/.*(docs: \(.*\))$/\1/p')"
[ -f "$docs" ] || fail "quickstart points at docs that do not exist: '$docs'"
