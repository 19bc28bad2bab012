# A Messer 2.x messer.ini ([messer], [aws], [azure], empty values) works with -c for local commands
# and is not changed by them.
cp "$FIXTURES/messer2.ini" legacy.ini
export MESSER_LOCAL_ROOT="$SANDBOX/vault"

run "$MESSER" configure local -c legacy.ini -p
expect_status 0
expect_out_contains '# profile: (legacy sections / defaults)'
expect_out_contains "local_root = $SANDBOX/vault    ; MESSER_LOCAL_ROOT"
expect_err_contains 'Created local master key'

run "$MESSER" encryption create local app -c legacy.ini
expect_status 0
run "$MESSER" data bag create local legacy -c legacy.ini
expect_status 0
run "$MESSER" data bag from file local legacy "$FIXTURES/item-db.json" --secret-file app -c legacy.ini
expect_status 0
MESSER_CONFIG=legacy.ini run "$MESSER" data bag show local legacy db --decrypt
expect_status 0
expect_out_contains '"password":"correct-horse"'

cmp -s legacy.ini "$FIXTURES/messer2.ini" || fail "local commands changed the Messer file"
[ ! -e "$HOME/.config/messer/messer.ini" ] || fail "the default config was created although -c named one"
[ -f "$SANDBOX/vault/secrets/legacy/db" ] || fail "no tier: the item belongs at <bag>/<id>"
