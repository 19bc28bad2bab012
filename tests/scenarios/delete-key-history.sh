# encryption delete and history: after quickstart, README's key commands run as written; after a
# rotation, the old key version that only kept versions use is refused without --drop-history,
# the history stays readable, and --drop-history then deletes it.
cd "$REPO"
"$MESSER" quickstart >/dev/null 2>&1
cd "$SANDBOX"

# README, "data keys in the keys bucket"
run "$MESSER" configure local -e dev -m default
expect_status 0
run "$MESSER" encryption create local app
expect_status 0
run "$MESSER" encryption increment local app
expect_status 0
run "$MESSER" encryption delete local app 0 --no-prompt
expect_status 0
expect_err_contains 'Deleted encryption key app v0'
run "$MESSER" data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"id":"db"'

# upload, set, rotate: version 1 is used only by kept versions
"$MESSER" data bag create local payments 2>/dev/null
"$MESSER" data bag from file local payments "$FIXTURES/item-db.json" --secret-file app 2>/dev/null
printf 'n3w\n' | "$MESSER" data bag set local payments db password 2>/dev/null
"$MESSER" bulk rotate-keys local "$HOME/.config/messer/messer.ini" 2>/dev/null

run "$MESSER" encryption delete local app 1 --dry-run
expect_status 0
expect_out_contains 'would delete encryption key app v1: used by 0 items and by 2 kept versions of 1 item in dev/payments'
expect_out_contains 'left out 1 item and 0 kept versions under quickstart/, whose keys profile quickstart keeps in'

run "$MESSER" encryption delete local app 1 --no-prompt --force
expect_status 1
expect_out_empty
expect_one_line_err
expect_err_contains 'add --drop-history'
run "$MESSER" data bag show local payments db --decrypt --at 1 --field password
expect_status 0

run "$MESSER" encryption delete local app 1 --no-prompt --drop-history
expect_status 0
expect_err_contains 'warning: 2 kept versions of 1 item in dev/payments will no longer decrypt'
run "$MESSER" data bag show local payments db --decrypt --at 1
expect_status 1
expect_one_line_err
expect_err_contains 'key app v1 was deleted'
run "$MESSER" data bag show local payments db --decrypt --field password
expect_status 0
[ "$OUT" = "n3w" ] || fail "the current item should still decrypt"
