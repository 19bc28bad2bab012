# encryption delete refuses a version that items still use, in any tier; --dry-run counts them,
# --force deletes anyway, and the number is never handed out again.
"$MESSER" configure local --tier prod >/dev/null 2>&1
"$MESSER" encryption create local app 2>/dev/null
"$MESSER" data bag create local payments 2>/dev/null
"$MESSER" data bag from file local payments "$FIXTURES/item-db-v2.json" --secret-file app 2>/dev/null
"$MESSER" encryption increment local app 2>/dev/null

run "$MESSER" encryption delete local app 0 --no-prompt
expect_status 1
expect_out_empty
expect_one_line_err
expect_err_contains 'encryption key app v0 is still used by 1 item in prod/payments'
[ -f "$HOME/.local/share/messer/keys/app/0" ] || fail "the key version was deleted"

run "$MESSER" encryption delete local app 0 --dry-run
expect_status 0
expect_out_contains 'would delete encryption key app v0: used by 1 item in prod/payments'
[ -f "$HOME/.local/share/messer/keys/app/0" ] || fail "the dry run deleted the key version"

run "$MESSER" encryption delete local app 1 --no-prompt
expect_status 0
run "$MESSER" encryption increment local app
expect_status 0
expect_err_contains 'app v2'

run "$MESSER" encryption delete local app 0 --no-prompt --force
expect_status 0
run "$MESSER" data bag show local payments db --decrypt
expect_status 1
expect_one_line_err
expect_err_contains 'key app v0 was deleted'
