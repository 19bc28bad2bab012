# The emulator how-to of docs/aws.md as a new user types it (configure with --endpoint-url and
# --path-style, setup --create-key, doctor, the first item), then a role with MFA: login asks for the code once,
# the next commands reuse the cached session, logout ends it.
source "$REPO/tests/lib/moto.sh"
start_moto
export XDG_CACHE_HOME="$SANDBOX/cache"
run "$MESSER" configure aws -c messer.ini --profile emu -e dev -m messer-emu -r us-east-1 \
  -b emu-secrets -k emu-keys-dev --endpoint-url "$MOTO_URL" --path-style true
expect_status 0
run "$MESSER" setup aws -c messer.ini --profile emu --create-key
expect_status 0
run "$MESSER" doctor aws -c messer.ini --profile emu
expect_status 0
expect_out_contains "[ok]   credentials"
expect_out_contains "environment (AWS_ACCESS_KEY_ID); caller arn:aws:"
expect_out_contains "long-term keys, no expiry"

run "$MESSER" encryption create aws app -c messer.ini --profile emu
expect_status 0
run "$MESSER" data bag create aws payments -c messer.ini --profile emu
expect_status 0
echo '{"id": "db", "password": "s3cret"}' > db.json
run "$MESSER" data bag from file aws payments db.json --secret-file app -c messer.ini --profile emu
expect_status 0
run "$MESSER" data bag show aws payments db --decrypt -c messer.ini --profile emu
expect_status 0
expect_out_contains "s3cret"

cat >> messer.ini <<INI
role_arn = arn:aws:iam::123456789012:role/messer-admin
mfa_serial = arn:aws:iam::123456789012:mfa/alice
INI

MESSER_MFA_TOKEN=123456 run "$MESSER" login aws -c messer.ini --profile emu --duration 1h
expect_status 0
expect_err_contains "Signed in as arn:aws:sts::123456789012:assumed-role/messer-admin/messer until "
[ "$(find "$XDG_CACHE_HOME/messer/sessions" -name '*.json' -perm 600 | wc -l)" -eq 1 ] \
  || fail "login did not leave one 0600 session file"

# no MESSER_MFA_TOKEN and no terminal: only the cached session can make this work
run "$MESSER" data bag show aws payments db --decrypt -c messer.ini --profile emu
expect_status 0
expect_out_contains "s3cret"

run "$MESSER" logout aws -c messer.ini --profile emu
expect_status 0
expect_err_contains "Deleted 1 cached AWS session."
run "$MESSER" data bag show aws payments db --decrypt -c messer.ini --profile emu
expect_status 2
expect_err_contains "needs an MFA code for arn:aws:iam::123456789012:mfa/alice"
