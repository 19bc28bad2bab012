# Item history on the local provider, as a user types it: set, history, show --at, diff,
# rollback (and its undo), unset, delete and restore, delete --purge, and the local_versions limit.
run "$MESSER" configure local
expect_status 0
run "$MESSER" encryption create local app
expect_status 0
run "$MESSER" data bag create local payments
expect_status 0
run "$MESSER" data bag from file local payments "$FIXTURES/item-db.json" --secret-file app
expect_status 0

# set from stdin: one trailing newline is dropped; the value never appears as an argument
printf 'new-horse-battery\n' | { run "$MESSER" data bag set local payments db password; expect_status 0; }
run "$MESSER" data bag show local payments db --decrypt --field password
[ "$OUT" = "new-horse-battery" ] || fail "set should store the value without its trailing newline"

run "$MESSER" data bag history local payments db
expect_status 0
expect_out_contains "VERSION"
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 3 ] || fail "history should show a header and two versions"
[[ "$OUT" != *correct-horse* && "$OUT" != *new-horse* ]] || fail "history must not show values"

run "$MESSER" data bag history local payments db --format json
expect_status 0
printf '%s' "$OUT" | python3 -c '
import json, sys
h = json.load(sys.stdin)
assert [v["version"] for v in h] == ["2", "1"], h
assert all(v["key_name"] == "app" and v["key_version"] == 0 and v["item_format"] == 2 and not v["deleted"] for v in h), h
assert "@" in h[0]["writer"], h
'

# a page of one version: the other is announced with the command that lists it
run "$MESSER" data bag history local payments db --limit 1
expect_status 0
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 2 ] || fail "--limit 1 should show a header and one version"
expect_err_contains "1 older version not listed"
expect_err_contains "'messer data bag history local payments db --before 2'"
run "$MESSER" data bag history local payments db --before 2 --format json
expect_status 0
expect_err_empty
printf '%s' "$OUT" | python3 -c 'import json, sys; h = json.load(sys.stdin); assert [v["version"] for v in h] == ["1"], h'

run "$MESSER" data bag show local payments db --decrypt --at 1 --field password
expect_status 0
[ "$OUT" = "correct-horse" ] || fail "show --at 1 should show the first password"

# diff: names the changed field, no value; exit 1 when they differ, 0 when not, 2 on error
run "$MESSER" data bag diff local payments db
expect_status 1
[ "$OUT" = "~ password" ] || fail "diff should print exactly '~ password'"
run "$MESSER" data bag diff local payments db 1 1
expect_status 0
expect_out_empty
run "$MESSER" data bag diff local payments db 99
expect_status 2
run "$MESSER" data bag diff local payments db --reveal
expect_out_contains '~ password: "correct-horse" -> "new-horse-battery"'

# rollback is a new version, and can itself be rolled back
run "$MESSER" data bag rollback local payments db 1
expect_status 0
run "$MESSER" data bag show local payments db --decrypt --field password
[ "$OUT" = "correct-horse" ] || fail "rollback to 1 should restore the first password"
run "$MESSER" data bag rollback local payments db 2
expect_status 0
run "$MESSER" data bag show local payments db --decrypt --field password
[ "$OUT" = "new-horse-battery" ] || fail "rolling back the rollback should restore the second password"

# several fields from JSON on stdin, a generated one, then unset
printf '{"db/host": "db.internal", "db/port": 5432}' | { run "$MESSER" data bag set local payments db db/host db/port --json; expect_status 0; }
run "$MESSER" data bag set local payments db api_key --generate --length 24 --charset hex --print
expect_status 0
[[ "$OUT" =~ ^[0-9a-f]{24}$ ]] || fail "--generate --print should print a 24-character hex value"
generated="$OUT"
run "$MESSER" data bag show local payments db --decrypt --field api_key
[ "$OUT" = "$generated" ] || fail "the generated value should be stored"
run "$MESSER" data bag unset local payments db api_key db/port
expect_status 0
run "$MESSER" data bag unset local payments db id
expect_status 1
expect_err_contains "'id' cannot be removed"

# a new item with --create
printf 'token-value' | { run "$MESSER" data bag set local payments api token --create --secret-file app; expect_status 0; }

# delete keeps the history; rollback restores the item; --purge removes both
run "$MESSER" data bag delete local payments db
expect_status 0
run "$MESSER" data bag history local payments db --format json
expect_status 0
printf '%s' "$OUT" | python3 -c 'import json,sys; h=json.load(sys.stdin); assert h[0]["deleted"] is True, h'
run "$MESSER" data bag rollback local payments db 1
expect_status 0
run "$MESSER" data bag show local payments
[ "$OUT" = "$(printf 'api\ndb')" ] || fail "db should be back in the bag"
run "$MESSER" data bag delete local payments db --purge
expect_status 0
run "$MESSER" data bag history local payments db
expect_status 1
if find "$HOME" -name 'db#*' | grep -q .; then fail "purge should remove every kept version file"; fi

# the store keeps local_versions versions, and no listing shows them
for i in 1 2 3 4 5; do
  printf 'v%s' "$i" | { MESSER_LOCAL_VERSIONS=3 run "$MESSER" data bag set local payments api token; expect_status 0; }
done
MESSER_LOCAL_VERSIONS=3 run "$MESSER" data bag history local payments api --format json
printf '%s' "$OUT" | python3 -c 'import json,sys; h=json.load(sys.stdin); assert [v["version"] for v in h] == ["6","5","4"], h'
run "$MESSER" data bag show local payments
[ "$OUT" = "api" ] || fail "the bag should list only api"
