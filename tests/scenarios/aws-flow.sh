# The whole job on the aws provider against moto, as a user types it, with a Messer 2.x style
# configuration plus endpoint settings: keys, bag, upload, show, increment, re-upload, delete.
source "$REPO/tests/lib/moto.sh"
start_moto
moto_resources acme-secrets acme-keys acme-messer-dev

cat > messer.ini <<INI
[messer]
master_key = acme-messer-dev
tier = dev

[aws]
secrets_bucket = acme-secrets
keys_bucket = acme-keys
secrets_folder = secrets
region = us-east-1
endpoint_url = $MOTO_URL
path_style = true
INI

run "$MESSER" encryption create aws app -c messer.ini
expect_status 0
expect_err_contains "Created encryption key app v0"

run "$MESSER" data bag create aws payments -c messer.ini
expect_status 0

run "$MESSER" data bag from file aws payments "$FIXTURES/item-db.json" --secret-file app -c messer.ini
expect_status 0

run "$MESSER" data bag show aws payments -c messer.ini
expect_status 0
[ "$OUT" = "db" ] || fail "the bag should list exactly db"

run "$MESSER" data bag show aws payments db --decrypt -c messer.ini --silent
expect_status 0
expect_err_empty
printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]=="db" and d["key_version"]==0, d'

run "$MESSER" encryption increment aws app -c messer.ini
expect_status 0
run "$MESSER" encryption list aws app -c messer.ini
[ "$OUT" = "$(printf '0\n1')" ] || fail "versions should be 0 and 1"

run "$MESSER" data bag from file aws payments "$FIXTURES/item-db.json" --secret-file app -c messer.ini
expect_status 1
expect_err_contains "--force"

run "$MESSER" data bag from file aws payments "$FIXTURES/item-db.json" --secret-file app --force -c messer.ini
expect_status 0
run "$MESSER" data bag show aws payments db --decrypt -c messer.ini
printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["key_version"]==1, d'

# the stored object sits where Messer puts it
python3 - "$MOTO_URL" <<'PY'
import sys, boto3, json
s3 = boto3.client("s3", endpoint_url=sys.argv[1], region_name="us-east-1")
item = json.loads(s3.get_object(Bucket="acme-secrets", Key="dev/secrets/payments/db")["Body"].read())
assert set(item) == {"id", "encrypted_data", "key_name", "key_version"}, item
PY

run "$MESSER" data bag delete aws payments db -c messer.ini
expect_status 0
run "$MESSER" data bag delete aws payments -c messer.ini
expect_status 0
run "$MESSER" encryption delete aws app --no-prompt -c messer.ini
expect_status 0
run "$MESSER" encryption list aws -c messer.ini
expect_status 0
expect_out_empty
