# Sourced by bin/cds-archive and bin/bundle: the throw-away environment training runs happen in,
# and a moto server (the S3/KMS/STS emulator the tests use), so that the aws commands run for real
# and their whole path is recorded.

# training_env HOME-DIR TMP-DIR COMMAND...: runs COMMAND with none of the caller's environment but
# PATH: HOME and the XDG folders under HOME-DIR, TMPDIR, and dummy AWS credentials (the commands
# talk to moto, or to nothing), so that the user's configuration and data are never read.
training_env() {
  local home="$1" tmp="$2"
  shift 2
  env -i PATH="$PATH" HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    TMPDIR="$tmp" LANG=C.UTF-8 AWS_ACCESS_KEY_ID=none AWS_SECRET_ACCESS_KEY=none AWS_EC2_METADATA_DISABLED=true "$@"
}

# training_moto_start DIR: starts moto on a free loopback port with the buckets and the KMS alias
# of training_aws_ini; sets TRAINING_MOTO_URL and TRAINING_MOTO_PID. Returns 1 when moto or boto3
# is not installed or the server does not come up.
training_moto_start() {
  local dir="$1" port
  command -v moto_server >/dev/null && python3 -c 'import boto3' 2>/dev/null || return 1
  port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
  moto_server -H 127.0.0.1 -p "$port" >"$dir/moto.log" 2>&1 &
  TRAINING_MOTO_PID=$!
  TRAINING_MOTO_URL="http://127.0.0.1:$port"
  if ! python3 - "$TRAINING_MOTO_URL" <<'PY' >/dev/null 2>&1
import sys, time, urllib.request
import boto3
url = sys.argv[1]
for _ in range(100):
    try:
        urllib.request.urlopen(url + "/moto-api/")
        break
    except OSError:
        time.sleep(0.1)
session = boto3.session.Session(aws_access_key_id="none", aws_secret_access_key="none", region_name="us-east-1")
s3 = session.client("s3", endpoint_url=url)
kms = session.client("kms", endpoint_url=url)
s3.create_bucket(Bucket="cds-secrets")
s3.create_bucket(Bucket="cds-keys")
kms.create_alias(AliasName="alias/cds", TargetKeyId=kms.create_key()["KeyMetadata"]["KeyId"])
PY
  then
    training_moto_stop
    return 1
  fi
}

training_moto_stop() {
  [ -n "${TRAINING_MOTO_PID:-}" ] && kill "$TRAINING_MOTO_PID" 2>/dev/null
  TRAINING_MOTO_PID=
}

# training_aws_ini FILE ENDPOINT: writes a configuration with profile 'aws' for the server at ENDPOINT.
training_aws_ini() {
  cat >"$1" <<INI
[profile aws]
provider = aws
tier = dev
master_key = cds
region = us-east-1
secrets_bucket = cds-secrets
keys_bucket = cds-keys
endpoint_url = $2
path_style = true
INI
}
