# Starts moto_server on a free loopback port for one scenario and stops it when the scenario
# ends. Without moto_server the scenario is skipped (exit 77), unless
# MESSER_REQUIRE_AWS_EMULATOR=1, when it fails.

start_moto() {
  if ! command -v moto_server >/dev/null 2>&1; then
    if [ "${MESSER_REQUIRE_AWS_EMULATOR:-}" = "1" ]; then
      echo "moto_server is not installed and MESSER_REQUIRE_AWS_EMULATOR=1 (pip install 'moto[server]')" >&2
      exit 1
    fi
    echo "SKIPPED: moto_server is not installed (pip install 'moto[server]')" >&2
    exit 77
  fi
  MOTO_PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
  PYTHONPATH="$REPO/src/test/resources/moto" moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"$SANDBOX/moto.log" 2>&1 &
  MOTO_PID=$!
  trap 'kill "$MOTO_PID" 2>/dev/null; wait "$MOTO_PID" 2>/dev/null || true' EXIT
  MOTO_URL="http://127.0.0.1:$MOTO_PORT"
  for _ in $(seq 1 100); do
    if python3 -c "import urllib.request,sys; urllib.request.urlopen('$MOTO_URL/moto-api/', timeout=1)" 2>/dev/null; then
      break
    fi
    sleep 0.1
  done
  export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 \
    AWS_EC2_METADATA_DISABLED=true
}

# moto_resources SECRETS_BUCKET KEYS_BUCKET ALIAS: creates both buckets and a KMS key with that alias.
moto_resources() {
  python3 - "$MOTO_URL" "$@" <<'PY'
import sys, boto3
url, secrets, keys, alias = sys.argv[1:5]
s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1")
kms = boto3.client("kms", endpoint_url=url, region_name="us-east-1")
s3.create_bucket(Bucket=secrets)
s3.create_bucket(Bucket=keys)
key = kms.create_key()["KeyMetadata"]["KeyId"]
kms.create_alias(AliasName="alias/" + alias, TargetKeyId=key)
PY
}
