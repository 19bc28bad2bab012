# setup, doctor and policy on the aws provider against moto, as an admin types them: setup makes
# the missing buckets, a second run changes nothing, doctor passes, policy prints valid JSON.
source "$REPO/tests/lib/moto.sh"
start_moto
python3 - "$MOTO_URL" <<'PY'
import sys, boto3
kms = boto3.client("kms", endpoint_url=sys.argv[1], region_name="us-east-1")
key = kms.create_key()["KeyMetadata"]["KeyId"]
kms.create_alias(AliasName="alias/acme-messer-dev", TargetKeyId=key)
PY

cat > messer.ini <<INI
[profile dev]
provider = aws
tier = dev
master_key = acme-messer-dev
secrets_bucket = acme-secrets
keys_bucket = acme-keys-dev
region = us-east-1
endpoint_url = $MOTO_URL
path_style = true
INI

run "$MESSER" doctor aws -c messer.ini --profile dev
expect_status 1
expect_out_contains "[FAIL] secrets bucket"
expect_out_contains "fix: run 'messer setup aws --profile dev -c messer.ini' with admin credentials"

run "$MESSER" setup aws --fix -c messer.ini --profile dev
expect_status 0
expect_out_contains "secrets bucket s3://acme-secrets: created in us-east-1"
expect_out_contains "master key: alias/acme-messer-dev"

run "$MESSER" setup aws --fix -c messer.ini --profile dev
expect_status 0
expect_out_contains "secrets bucket s3://acme-secrets: already as required"
expect_out_contains "keys bucket s3://acme-keys-dev: already as required"

run "$MESSER" doctor aws -c messer.ini --profile dev
expect_status 0
expect_out_contains "[ok]   master key alias"
expect_out_contains "[ok]   wrap/unwrap"
expect_out_contains "[warn] transport"

run "$MESSER" policy aws --role reader -c messer.ini --profile dev
expect_status 0
printf '%s' "$OUT" | python3 -c '
import json, sys
policy = json.load(sys.stdin)
sids = {s["Sid"]: s for s in policy["Statement"]}
assert sids["TierObjects"]["Action"] == ["s3:GetObject", "s3:GetObjectVersion"], sids["TierObjects"]
assert sids["TierObjects"]["Resource"] == ["arn:aws:s3:::acme-secrets/dev/*"], sids["TierObjects"]
assert sids["TlsOnly"]["Effect"] == "Deny"
' || fail "policy JSON is not what a reader needs"

# a wildcard tier never reaches a policy
MESSER_TIER='*' run "$MESSER" policy aws --role reader -c messer.ini --profile dev
expect_status 2
expect_out_empty
expect_err_contains "tier is '*' (from MESSER_TIER)"
expect_one_line_err
