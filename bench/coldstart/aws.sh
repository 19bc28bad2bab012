# Sourced by coldstart.sh when the aws provider is present: starts moto, makes a bucket pair, a
# KMS key and one item there, and adds 'data bag show aws ... --decrypt' to the commands.
# shellcheck source=bench/lib.sh
source "$here/lib.sh"
if start_moto; then
  trap 'stop_moto; rm -rf "$sandbox"' EXIT
  moto_setup coldstart coldstart-secrets coldstart-keys
  cat >"$sandbox/aws.ini" <<INI
[profile aws]
provider = aws
tier = dev
master_key = coldstart
region = us-east-1
secrets_bucket = coldstart-secrets
keys_bucket = coldstart-keys
endpoint_url = $MOTO_URL
path_style = true
INI
  (cd "$sandbox" &&
    "$repo/bin/messer" encryption create aws app -c aws.ini --silent &&
    "$repo/bin/messer" data bag create aws demo -c aws.ini --silent &&
    "$repo/bin/messer" data bag from file aws demo "$repo/tests/resources/sample-item.json" --secret-file app \
      -c aws.ini --silent)
  commands+=(-n messer-aws-show "$repo/bin/messer data bag show aws demo db --decrypt -c $sandbox/aws.ini")
else
  echo "coldstart: moto_server is missing; the aws cold start is not measured" >&2
fi
