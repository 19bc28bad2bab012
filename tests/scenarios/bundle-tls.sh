# The bundle's runtime speaks TLS: jdeps cannot see the security providers, so the bundle adds
# them. A round trip over HTTPS to a loopback moto whose certificate (an elliptic-curve key, as
# most TLS servers use today) is signed by a test CA that only this scenario trusts; without the
# trust store the same command fails on the certificate, in one line.
source "$REPO/tests/lib/bundle.sh"
source "$REPO/tests/lib/moto.sh"
unpack_bundle
command -v openssl >/dev/null || fail "openssl is needed to make the test CA"

tls="$SANDBOX/tls"
mkdir "$tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 2 -subj "/CN=messer test CA" \
  -keyout "$tls/ca.key" -out "$tls/ca.pem" 2>/dev/null
openssl req -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -subj "/CN=localhost" \
  -keyout "$tls/server.key" -out "$tls/server.csr" 2>/dev/null
printf 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n' >"$tls/ext"
openssl x509 -req -in "$tls/server.csr" -CA "$tls/ca.pem" -CAkey "$tls/ca.key" -CAcreateserial -days 2 \
  -extfile "$tls/ext" -out "$tls/server.pem" 2>/dev/null
"$BUNDLE/runtime/bin/keytool" -importcert -noprompt -alias messer-test-ca -file "$tls/ca.pem" \
  -keystore "$tls/trust.p12" -storetype PKCS12 -storepass test-only >/dev/null 2>&1 ||
  fail "the bundle's keytool could not make the trust store"

# moto over HTTPS, started here (start_moto serves plain HTTP); without moto_server, start_moto
# skips the scenario, or fails it when MESSER_REQUIRE_AWS_EMULATOR=1
command -v moto_server >/dev/null || start_moto
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
PYTHONPATH="$REPO/src/test/resources/moto" moto_server -H 127.0.0.1 -p "$port" \
  -c "$tls/server.pem" -k "$tls/server.key" >"$SANDBOX/moto.log" 2>&1 &
moto_pid=$!
trap 'kill "$moto_pid" 2>/dev/null; wait "$moto_pid" 2>/dev/null || true' EXIT
url="https://localhost:$port"
python3 - "$url" "$tls/ca.pem" <<'PY'
import ssl, sys, time, urllib.request
import boto3
url, ca = sys.argv[1:3]
context = ssl.create_default_context(cafile=ca)
for _ in range(100):
    try:
        urllib.request.urlopen(url + "/moto-api/", context=context, timeout=1)
        break
    except OSError:
        time.sleep(0.1)
s3 = boto3.client("s3", endpoint_url=url, region_name="us-east-1", verify=ca,
                  aws_access_key_id="testing", aws_secret_access_key="testing")
kms = boto3.client("kms", endpoint_url=url, region_name="us-east-1", verify=ca,
                   aws_access_key_id="testing", aws_secret_access_key="testing")
s3.create_bucket(Bucket="tls-secrets")
s3.create_bucket(Bucket="tls-keys")
kms.create_alias(AliasName="alias/tls-dev", TargetKeyId=kms.create_key()["KeyMetadata"]["KeyId"])
PY
export AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing AWS_EC2_METADATA_DISABLED=true
cat > messer.ini <<INI
[profile tls]
provider = aws
tier = dev
master_key = tls-dev
region = us-east-1
secrets_bucket = tls-secrets
keys_bucket = tls-keys
endpoint_url = $url
path_style = true
INI

# Not trusted: the bundle's default trust store does not know the test CA.
bundled encryption create aws app -c messer.ini --profile tls
expect_status 1
expect_one_line_err

export MESSER_JAVA_OPTS="-Djavax.net.ssl.trustStore=$tls/trust.p12 -Djavax.net.ssl.trustStorePassword=test-only"
bundled_aws_round_trip messer.ini tls
