# encryption delete asks first; with no terminal and no --no-prompt it refuses and keeps the key.
"$MESSER" configure local >/dev/null 2>&1
"$MESSER" encryption create local app 2>/dev/null

run "$MESSER" encryption delete local app </dev/null
expect_status 2
expect_out_empty
expect_one_line_err
expect_err_contains 'refusing to delete without confirmation'
expect_err_contains '--no-prompt'
[ -f "$HOME/.local/share/messer/keys/app/0" ] || fail "the key was deleted"

run "$MESSER" encryption delete local app 0 --no-prompt
expect_status 0
[ ! -e "$HOME/.local/share/messer/keys/app/0" ] || fail "the key version is still there"
