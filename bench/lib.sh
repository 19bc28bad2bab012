# Helpers shared by the bench scripts: a moto server on a free loopback port, and the AWS
# resources a messer profile needs there. Source it; call start_moto, then moto_setup.

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start_moto: starts moto_server in the background; sets MOTO_PORT, MOTO_URL and MOTO_PID.
start_moto() {
  command -v moto_server >/dev/null || { echo "bench: moto_server is missing (pip install 'moto[server]')" >&2; return 1; }
  MOTO_PORT="$(free_port)"
  MOTO_URL="http://127.0.0.1:$MOTO_PORT"
  moto_server -H 127.0.0.1 -p "$MOTO_PORT" >"${TMPDIR:-/tmp}/moto-$MOTO_PORT.log" 2>&1 &
  MOTO_PID=$!
  for _ in $(seq 1 100); do
    python3 -c "import urllib.request; urllib.request.urlopen('$MOTO_URL/moto-api/')" 2>/dev/null && return 0
    sleep 0.1
  done
  echo "bench: moto_server did not start" >&2
  return 1
}

stop_moto() {
  [ -n "${MOTO_PID:-}" ] && kill "$MOTO_PID" 2>/dev/null || true
}

# moto_setup ALIAS BUCKET...: a KMS key with alias/ALIAS and the buckets.
moto_setup() {
  python3 - "$MOTO_URL" "$@" <<'PY'
import sys
import boto3
url, alias, buckets = sys.argv[1], sys.argv[2], sys.argv[3:]
session = boto3.session.Session(aws_access_key_id="testing", aws_secret_access_key="testing", region_name="us-east-1")
s3 = session.client("s3", endpoint_url=url)
kms = session.client("kms", endpoint_url=url)
for bucket in buckets:
    s3.create_bucket(Bucket=bucket)
key = kms.create_key()["KeyMetadata"]["KeyId"]
kms.create_alias(AliasName="alias/" + alias, TargetKeyId=key)
PY
}

# sandbox_home DIR: points HOME and the XDG folders into DIR/home, so that no run reads or writes
# the user's configuration or data.
sandbox_home() {
  export HOME="$1/home" XDG_CONFIG_HOME="$1/home/.config" XDG_DATA_HOME="$1/home/.local/share"
}

# moto_ini FILE ENDPOINT TIER MASTER_KEY KEYS_BUCKET: a configuration with profile 'aws' that reads
# Messer-format items (item_format 1) of TIER from bucket 'secrets' at ENDPOINT.
moto_ini() {
  cat >"$1" <<INI
[profile aws]
provider = aws
tier = $3
master_key = $4
region = us-east-1
secrets_bucket = secrets
keys_bucket = $5
endpoint_url = $2
path_style = true
item_format = 1
INI
}

export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1

# machine_state: one line with what a figure taken on a shared machine needs beside it: the date
# (UTC), the load average, vmstat's mean steal and idle over 5 seconds (a virtual machine's load
# average does not show the CPU time its host gives to others), the cores and the JDK.
machine_state() {
  local vm java_version
  vm="$(vmstat 1 6 | awk 'NR > 3 { st += $NF; id += $(NF - 2); n++ } END { printf "steal %.0f%%, idle %.0f%%", st / n, id / n }')"
  java_version="$(${MESSER_JAVA:-java} -version 2>&1 | head -1)"
  echo "$(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg), $vm, $(nproc) cores, $java_version"
}
