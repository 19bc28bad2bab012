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
