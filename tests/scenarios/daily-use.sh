# Daily use through bin/messer: --format export read back by eval, exec with a real child, and
# edit with a scripted editor (a change saved, invalid JSON refused, the scratch file gone).
"$MESSER" configure local -m daily -e dev 2>/dev/null
"$MESSER" encryption create local app --silent
"$MESSER" data bag create local app --silent
cat > item.json <<'EOF'
{"id": "db", "db.user": "app", "password": "it's $HOME `x` \\ \"q\"\nline2", "port": 5432}
EOF
expected=$'it\'s $HOME `x` \\ "q"\nline2'
run "$MESSER" data bag from file local app item.json --secret-file app
expect_status 0
expect_err_contains "Uploaded data bag item app/db"

# --format export, evaluated by this shell
run "$MESSER" data bag show local app db --decrypt --format export
expect_status 0
eval "$OUT"
[ "$PASSWORD" = "$expected" ] || fail "PASSWORD after eval differs: [$PASSWORD]"
[ "$DB_USER" = "app" ] || fail "DB_USER after eval is [$DB_USER]"
run "$MESSER" data bag show local app db --decrypt --field password -n
[ "$OUT" = "$expected" ] || fail "--field password differs"

# exec: the child sees the fields, its status comes back
run "$MESSER" exec local app db -- sh -c 'printf "%s:%s" "$DB_USER" "$PORT"; [ "$PASSWORD" = "$1" ]' sh "$expected"
expect_status 0
[ "$OUT" = "app:5432" ] || fail "exec child printed [$OUT]"
run "$MESSER" exec local app db -- sh -c 'exit 3'
expect_status 3
run "$MESSER" exec local app db
expect_status 2
expect_err_contains "'--'"

# edit with a scripted editor
cat > editor.sh <<EOF
#!/bin/sh
printf '%s' "\$1" > "$PWD/edited-path"
sed -i 's/5432/6543/' "\$1"
EOF
chmod +x editor.sh
EDITOR="$PWD/editor.sh" run "$MESSER" data bag edit local app db
expect_status 0
expect_err_contains "Saved item app/db"
[ ! -e "$(cat edited-path)" ] || fail "the scratch file is still there"
run "$MESSER" data bag show local app db --decrypt --field port
[ "$OUT" = "6543" ] || fail "port after edit is [$OUT]"

printf '#!/bin/sh\nprintf "{not json" > "$1"\n' > broken-editor.sh
chmod +x broken-editor.sh
EDITOR="$PWD/broken-editor.sh" run "$MESSER" data bag edit local app db
expect_status 1
expect_one_line_err
expect_err_contains "not changed"
# Without a terminal the text is kept for the user in the private file the error names.
kept="$(printf '%s\n' "$ERR" | sed -n 's/.*your text is kept in \([^ ]*\) .*/\1/p')"
[ "$(cat "$kept")" = "{not json" ] || fail "the kept file '$kept' does not hold the user's text"
[ "$(stat -c %a "$kept")" = 600 ] && [ "$(stat -c %a "$(dirname "$kept")")" = 700 ] || fail "$kept is not private"
rm -r "$(dirname "$kept")"
run "$MESSER" data bag show local app db --decrypt --field port
[ "$OUT" = "6543" ] || fail "a refused edit changed the item"
