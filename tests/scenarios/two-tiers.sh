# --profile (and MESSER_PROFILE) with two local tiers side by side in one file.
cp "$FIXTURES/two-tiers.ini" tiers.ini
export MESSER_CONFIG="$SANDBOX/tiers.ini"

run "$MESSER" configure local
expect_status 0
expect_out_contains '# profile: dev'
run "$MESSER" encryption create local app
expect_status 0
run "$MESSER" data bag create local web
run "$MESSER" data bag create local web --profile prod
run "$MESSER" data bag from file local web "$FIXTURES/item-db.json" --secret-file app
expect_status 0
run "$MESSER" data bag from file local web "$FIXTURES/item-db-v2.json" --secret-file app --profile prod
expect_status 0

run "$MESSER" data bag show local web db --decrypt
expect_out_contains '"password":"correct-horse"'
MESSER_PROFILE=prod run "$MESSER" data bag show local web db --decrypt
expect_out_contains '"password":"rotated-horse"'
[ -f "$HOME/.local/share/messer/secrets/dev/web/db" ] || fail "dev item missing"
[ -f "$HOME/.local/share/messer/secrets/prod/web/db" ] || fail "prod item missing"

# an item copied from one tier to the other does not decrypt there
cp "$HOME/.local/share/messer/secrets/dev/web/db" "$HOME/.local/share/messer/secrets/prod/web/db"
run "$MESSER" data bag show local web db --decrypt --profile prod
expect_status 1
expect_one_line_err
expect_err_contains 'failed its integrity check'

run "$MESSER" data bag show local --profile qa
expect_status 2
expect_one_line_err
expect_err_contains "profile 'qa' is not defined"
expect_err_contains 'profiles: dev, prod'
