# The whole local flow as a user types it: configure, keys, a bag, upload, show, rotate, delete.
run "$MESSER" configure local
expect_status 0
expect_err_contains 'Created configuration file'
expect_err_contains 'Created local master key'
[ "$(stat -c %a "$HOME/.config/messer/messer.ini")" = 600 ] || fail "config file is not mode 600"
[ "$(stat -c %a "$HOME/.local/share/messer/master-keys/default.key")" = 600 ] || fail "master key is not mode 600"

run "$MESSER" encryption create local app
expect_status 0
expect_err_contains 'Created encryption key app v0'
run "$MESSER" encryption increment local app
expect_status 0
expect_err_contains 'app v1'
run "$MESSER" encryption list local
expect_status 0
[ "$OUT" = "app" ] || fail "key list should be exactly 'app'"
run "$MESSER" encryption list local app
[ "$OUT" = "$(printf '0\n1')" ] || fail "versions should be 0 and 1"

run "$MESSER" data bag create local payments
expect_status 0
run "$MESSER" data bag from file local payments "$FIXTURES/item-db.json" --secret-file app
expect_status 0
expect_out_empty
expect_err_contains 'Uploaded data bag item payments/db with key app v1'

run "$MESSER" data bag show local
[ "$OUT" = "payments" ] || fail "bag list should be exactly 'payments'"
run "$MESSER" data bag show local payments
[ "$OUT" = "db" ] || fail "item list should be exactly 'db'"
run "$MESSER" data bag show local payments db
expect_status 0
expect_out_contains '"encrypted_data":'
[[ "$OUT" != *correct-horse* ]] || fail "the stored item shows the plaintext"
run "$MESSER" data bag show local payments db --decrypt --silent
expect_status 0
expect_err_empty
expect_out_contains '"password":"correct-horse"'
expect_out_contains '"key_version":1'

# replace it, sealed with version 0 this time
run "$MESSER" data bag from file local payments "$FIXTURES/item-db-v2.json" --secret-file app -v 0 --force
expect_status 0
expect_err_contains 'with key app v0'
run "$MESSER" data bag show local payments db --decrypt
expect_out_contains '"password":"rotated-horse"'
expect_out_contains '"key_version":0'
! grep -rq 'horse' "$HOME/.local/share/messer" || fail "plaintext reached the disk"

run "$MESSER" data bag delete local payments db
expect_status 0
run "$MESSER" data bag delete local payments
expect_status 0
run "$MESSER" data bag show local
expect_out_empty

# the deleted item's kept versions still need the key: history and rollback would stop working
run "$MESSER" encryption delete local app --no-prompt
expect_status 1
expect_one_line_err
expect_err_contains 'is still used by 0 items and by 2 kept versions of 1 item in dev/payments'
expect_err_contains 'add --drop-history'
run "$MESSER" encryption delete local app --no-prompt --drop-history
expect_status 0
expect_err_contains 'Deleted encryption key app (2 versions)'
run "$MESSER" encryption list local
expect_out_empty
