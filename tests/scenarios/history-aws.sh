# Item history on the aws provider against moto: a versioned secrets bucket (history, show --at,
# set, diff, rollback and its undo, restore after delete, --purge), then an unversioned one.
source "$REPO/tests/lib/moto.sh"
start_moto
moto_resources acme-secrets acme-keys acme-messer-dev
python3 - "$MOTO_URL" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
s3.put_bucket_versioning(Bucket="acme-secrets", VersioningConfiguration={"Status": "Enabled"})
s3.create_bucket(Bucket="plain-secrets")
PY

cat > messer.ini <<INI
[profile dev]
provider = aws
master_key = acme-messer-dev
tier = dev
secrets_bucket = acme-secrets
keys_bucket = acme-keys
region = us-east-1
endpoint_url = $MOTO_URL
path_style = true

[profile plain]
provider = aws
master_key = acme-messer-dev
tier = dev
secrets_bucket = plain-secrets
keys_bucket = acme-keys
region = us-east-1
endpoint_url = $MOTO_URL
path_style = true
INI

run "$MESSER" encryption create aws app -c messer.ini --profile dev
expect_status 0
run "$MESSER" data bag create aws payments -c messer.ini --profile dev
expect_status 0
run "$MESSER" data bag from file aws payments "$FIXTURES/item-db.json" --secret-file app -c messer.ini --profile dev
expect_status 0
printf 'second-secret\n' | { run "$MESSER" data bag set aws payments db password -c messer.ini --profile dev; expect_status 0; }

run "$MESSER" data bag history aws payments db --format json -c messer.ini --profile dev
expect_status 0
read -r newest oldest < <(printf '%s' "$OUT" | python3 -c '
import json, sys
h = json.load(sys.stdin)
assert len(h) == 2 and h[0]["writer"].startswith("arn:aws:"), h
print(h[0]["version"], h[1]["version"])
')

run "$MESSER" data bag show aws payments db --decrypt --at "$oldest" --field password -c messer.ini --profile dev
[ "$OUT" = "correct-horse" ] || fail "show --at the oldest version should show the first password"

run "$MESSER" data bag diff aws payments db -c messer.ini --profile dev
expect_status 1
[ "$OUT" = "~ password" ] || fail "diff should print exactly '~ password'"
[[ "$OUT$ERR" != *second-secret* ]] || fail "diff must not show values"

run "$MESSER" data bag rollback aws payments db "$oldest" -c messer.ini --profile dev
expect_status 0
run "$MESSER" data bag rollback aws payments db "$newest" -c messer.ini --profile dev
expect_status 0
run "$MESSER" data bag show aws payments db --decrypt --field password -c messer.ini --profile dev
[ "$OUT" = "second-secret" ] || fail "rolling back the rollback should restore the second password"

run "$MESSER" data bag delete aws payments db -c messer.ini --profile dev
expect_status 0
run "$MESSER" data bag rollback aws payments db "$oldest" -c messer.ini --profile dev
expect_status 0
run "$MESSER" data bag show aws payments db --decrypt --field password -c messer.ini --profile dev
[ "$OUT" = "correct-horse" ] || fail "rollback should restore the deleted item"

run "$MESSER" data bag delete aws payments db --purge -c messer.ini --profile dev
expect_status 0
python3 - "$MOTO_URL" <<'PY'
import sys, boto3
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
listing = s3.list_object_versions(Bucket="acme-secrets", Prefix="dev/payments/db")
assert not listing.get("Versions") and not listing.get("DeleteMarkers"), listing
PY

# an unversioned bucket: one entry and a hint
run "$MESSER" data bag create aws payments -c messer.ini --profile plain
run "$MESSER" data bag from file aws payments "$FIXTURES/item-db.json" --secret-file app -c messer.ini --profile plain
expect_status 0
run "$MESSER" data bag history aws payments db -c messer.ini --profile plain
expect_status 0
[ "$(printf '%s\n' "$OUT" | wc -l)" -eq 2 ] || fail "history should show a header and one version"
expect_err_contains "put-bucket-versioning"
expect_err_contains "messer setup aws"
