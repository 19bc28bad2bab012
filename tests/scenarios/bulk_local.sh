# Bulk work on the local provider, as an admin runs it: list, rotate, re-encrypt, copy to
# another tier, re-run a copy, and a dry run that changes nothing.
cat > dev.ini <<INI
[messer]
default_profile = dev

[profile dev]
provider = local
tier = dev
master_key = dev

[profile prod]
provider = local
tier = prod
master_key = prod
keys_bucket = keys-prod
INI
run "$MESSER" configure local -m dev -c dev.ini --profile dev; expect_status 0
run "$MESSER" configure local -m prod -c dev.ini --profile prod; expect_status 0
run "$MESSER" encryption create local app -c dev.ini; expect_status 0
run "$MESSER" data bag create local web -c dev.ini; expect_status 0
run "$MESSER" data bag create local ops -c dev.ini; expect_status 0
for i in $(seq 1 12); do
  bag=web; [ $((i % 3)) -eq 0 ] && bag=ops
  printf '{"id": "item%02d", "password": "pw-%d"}\n' "$i" "$i" > "item$i.json"
  run "$MESSER" data bag from file local "$bag" "item$i.json" --secret-file app -c dev.ini --silent; expect_status 0
done

run "$MESSER" bulk list local dev.ini
expect_status 0
[ "$(printf '%s\n' "$OUT" | grep -c $'^\titem')" -eq 12 ] || fail "bulk list should show 12 items"
expect_out_contains $'ops\n\titem03'

run "$MESSER" bulk rotate-keys local dev.ini --dry-run
expect_status 0
expect_out_contains "key app: would create app v1"
run "$MESSER" encryption list local app -c dev.ini
expect_status 0
[ "$(printf '%s\n' "$OUT" | grep -c .)" -eq 1 ] || fail "a dry run must not create a key version"

run "$MESSER" bulk rotate-keys local dev.ini --parallel 4
expect_status 0
expect_err_contains "rotate-keys: 12 done, 0 skipped, 0 failed"
run "$MESSER" data bag show local web item04 --decrypt -c dev.ini
expect_status 0
expect_out_contains '"key_version":1'
expect_out_contains '"password":"pw-4"'

run "$MESSER" bulk re-encrypt local dev.ini --silent
expect_status 0
expect_err_empty

run "$MESSER" bulk copy local local dev.ini dev.ini --dest-profile prod --stats
expect_status 0
expect_err_contains "created key app v0 in local dev.ini (profile prod)"
expect_err_contains "copy: 12 done, 0 skipped, 0 failed"
expect_err_contains "key unwraps for"
run "$MESSER" bulk copy local local dev.ini dev.ini --dest-profile prod
expect_status 0
expect_err_contains "copy: 0 done, 12 skipped, 0 failed"
run "$MESSER" data bag show local ops item09 --decrypt -c dev.ini --profile prod
expect_status 0
expect_out_contains '"password":"pw-9"'

# no plaintext anywhere under the data folder
if grep -r "pw-9" "$HOME/.local/share" >/dev/null 2>&1; then fail "plaintext found on disk"; fi

# an unreadable item fails the run, is named, and the others are still done
run "$MESSER" encryption increment local app -c dev.ini; expect_status 0
echo 'garbage' > "$HOME/.local/share/messer/secrets/dev/web/broken"
run "$MESSER" bulk re-encrypt local dev.ini
expect_status 1
expect_err_contains "failed web/broken"
expect_err_contains "re-encrypt: 12 done, 0 skipped, 1 failed"
