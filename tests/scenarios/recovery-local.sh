# Break-glass recovery on local: a recovery key made by openssl (encrypted PKCS#8) is stored and
# pinned, new versions get a recovery wrap, older ones get it from 'encryption rewrap --add-recovery',
# a swapped public key and an unpinned profile wrap nothing, and with the master key file removed
# 'recovery restore' re-wraps every version under a new master key: every item decrypts again and
# no item file changed.
cd "$SANDBOX"
DATA="$HOME/.local/share/messer"
export LC_ALL=C.UTF-8

run "$MESSER" configure local -e dev -m old
expect_status 0
"$MESSER" encryption create local app 2>/dev/null
"$MESSER" data bag create local payments 2>/dev/null
printf '{"id":"db","password":"v0-secret"}' > db.json
"$MESSER" data bag from file local payments db.json --secret-file app 2>/dev/null

# the private half, encrypted as openssl genpkey writes it; the passphrase comes from MESSER_PASSPHRASE
openssl genpkey -algorithm X25519 -aes-256-cbc -pass pass:correct-horse-battery-staple -out recovery.pem 2>/dev/null
chmod 600 recovery.pem
openssl pkey -in recovery.pem -passin pass:correct-horse-battery-staple -pubout -out recovery.pub
run "$MESSER" recovery set local recovery.pub
expect_status 0
expect_out_contains 'recovery_key_fingerprint = SHA256:'
grep -q '^recovery_key_fingerprint = SHA256:' "$HOME/.config/messer/messer.ini" || fail "the fingerprint is not pinned"
[ -f "$DATA/keys/!recovery-key/public-key.pem" ] || fail "the public key is not in the keys bucket"

# a new version is wrapped at once; version 0 is not, until rewrap --add-recovery
run "$MESSER" encryption increment local app
expect_status 0
[ -f "$DATA/keys/!recovery/app/1" ] || fail "version 1 has no recovery wrap"
[ ! -f "$DATA/keys/!recovery/app/0" ] || fail "version 0 has a recovery wrap before rewrap"
run "$MESSER" doctor local
[[ "$OUT$ERR" == *"1 of 2 key version(s) have no recovery wrap under SHA256:"*"app v0"* ]] || fail "doctor does not report v0"
printf '{"id":"api","token":"v1-secret"}' > api.json
"$MESSER" data bag from file local payments api.json --secret-file app 2>/dev/null
run "$MESSER" encryption rewrap local --add-recovery
expect_status 0
expect_out_contains 'Re-wrapped 1 key version(s); 1 needed nothing'
[ -f "$DATA/keys/!recovery/app/0" ] || fail "version 0 has no recovery wrap after rewrap"
run "$MESSER" encryption rewrap local --add-recovery
expect_out_contains 'Re-wrapped 0 key version(s); 2 needed nothing'
run "$MESSER" doctor local
[[ "$OUT$ERR" == *"all 2 key version(s) have a recovery wrap"* ]] || fail "doctor does not report every wrap present"

# the recovery objects are invisible to a key listing, which lists what Messer lists
run "$MESSER" encryption list local
expect_status 0
[ "$OUT" = "app" ] || fail "encryption list shows more than app: $OUT"

# an unpinned profile of the same bucket writes no recovery wrap and says so once
cat >> "$HOME/.config/messer/messer.ini" <<'INI'

[profile unpinned]
provider = local
tier = dev
master_key = old
INI
run "$MESSER" encryption increment local app --profile unpinned
expect_status 0
expect_err_contains 'no recovery wrap was written'
[ ! -f "$DATA/keys/!recovery/app/2" ] || fail "an unpinned profile wrote a recovery wrap"
"$MESSER" encryption rewrap local --add-recovery >/dev/null 2>&1

# a public key swapped in the keys bucket is refused before anything is written
openssl genpkey -algorithm X25519 -out other.pem 2>/dev/null
cp "$DATA/keys/!recovery-key/public-key.pem" pinned.pub
openssl pkey -in other.pem -pubout -out "$DATA/keys/!recovery-key/public-key.pem"
run "$MESSER" encryption increment local app
expect_status 1
expect_one_line_err
expect_err_contains 'but the profile pins SHA256:'
run "$MESSER" encryption list local app
[ "$(printf '%s\n' "$OUT" | tail -1)" = "2" ] || fail "a version was written under a swapped recovery key"
cp pinned.pub "$DATA/keys/!recovery-key/public-key.pem"

# the master key is lost; a new one is made in a profile of its own folder
before="$(cd "$DATA/secrets" && find . -type f | sort | xargs sha256sum)"
run "$MESSER" configure local --profile spare -k spare-keys -m new
expect_status 0
rm "$DATA/master-keys/old.key"
run "$MESSER" data bag show local payments db --decrypt
expect_status 1

# the private key file must be the owner's alone
chmod 640 recovery.pem
run env MESSER_PASSPHRASE=correct-horse-battery-staple "$MESSER" recovery restore local --private-key recovery.pem --to-master-key new
expect_status 1
expect_err_contains "run 'chmod 600 recovery.pem'"
chmod 600 recovery.pem
run env MESSER_PASSPHRASE=wrong-passphrase-here "$MESSER" recovery restore local --private-key recovery.pem --to-master-key new
expect_status 1

run env MESSER_PASSPHRASE=correct-horse-battery-staple "$MESSER" recovery restore local --private-key recovery.pem --to-master-key new
expect_status 0
expect_out_contains 'Restored 3 key version(s) under new'
run "$MESSER" data bag show local payments db --decrypt --field password
expect_status 0
[ "$OUT" = "v0-secret" ] || fail "db does not decrypt after restore: $OUT"
run "$MESSER" data bag show local payments api --decrypt --field token
[ "$OUT" = "v1-secret" ] || fail "api does not decrypt after restore: $OUT"
after="$(cd "$DATA/secrets" && find . -type f | sort | xargs sha256sum)"
[ "$before" = "$after" ] || fail "an item file changed during restore"
grep -q '^messer-master-key=new$' "$DATA/keys/app/0#meta" || fail "version 0 does not record master key new"

# running it again finds nothing to do
run env MESSER_PASSPHRASE=correct-horse-battery-staple "$MESSER" recovery restore local --private-key recovery.pem --to-master-key new
expect_status 0
expect_out_contains 'Restored 0 key version(s) under new; 3 already were'
