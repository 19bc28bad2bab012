# Bad input: the exit status, one line on stderr naming the thing and the fix, nothing on stdout,
# and nothing written.
state() { find "$HOME" "$SANDBOX/in" -exec stat -c '%n %s %Y %a' {} + | sort; find "$HOME" -type f -exec sha256sum {} + | sort; }

# one bad run: expect_bad STATUS TEXT COMMAND...
expect_bad() {
  local status="$1" text="$2"
  shift 2
  local before
  before="$(state)"
  run "$@"
  expect_status "$status"
  expect_out_empty
  expect_one_line_err
  expect_err_contains "$text"
  [[ "$ERR" != *"Exception"* ]] || fail "stderr shows an exception"
  [ "$(state)" = "$before" ] || fail "something was written"
}

mkdir in
cp "$FIXTURES"/item-*.json in/
"$MESSER" configure local >/dev/null 2>&1
"$MESSER" encryption create local app 2>/dev/null
"$MESSER" data bag create local bag1 2>/dev/null
"$MESSER" data bag from file local bag1 in/item-db.json --secret-file app 2>/dev/null
mkdir in/folder.json
upload() { echo "$MESSER" data bag from file local bag1 "$1" --secret-file app; }

expect_bad 1 'in/missing.json does not exist; check the path' $(upload in/missing.json)
expect_bad 1 'in/folder.json is a directory' $(upload in/folder.json)
expect_bad 1 'is not valid JSON' $(upload in/item-not-json.json)
expect_bad 1 'must hold a JSON object' $(upload in/item-array.json)
expect_bad 1 'has no "id" field; add "id"' $(upload in/item-no-id.json)
expect_bad 1 'has a blank "id"' $(upload in/item-blank-id.json)
expect_bad 1 '"id" that is not a string' $(upload in/item-number-id.json)
expect_bad 1 "item id '../../etc/passwd' is not valid: use 1 to 128 of A-Z a-z 0-9 _ . -" $(upload in/item-bad-id.json)
expect_bad 1 'add --force to replace it' $(upload in/item-db-v2.json)
expect_bad 2 "bag name '..' is not valid" "$MESSER" data bag create local ..
expect_bad 2 "key name 'a/b' is not valid" "$MESSER" encryption create local a/b
expect_bad 1 "data bag nobag (dev/nobag/) does not exist" "$MESSER" data bag from file local nobag in/item-db.json --secret-file app
expect_bad 1 'encryption key nokey does not exist' "$MESSER" data bag from file local bag1 in/item-db.json --secret-file nokey --force
expect_bad 1 'encryption key app v3 does not exist' "$MESSER" data bag from file local bag1 in/item-db.json --secret-file app -v 3 --force
expect_bad 2 "profile 'nosuch' is not defined" "$MESSER" data bag show local --profile nosuch
expect_bad 2 'is not a valid ini file' "$MESSER" data bag show local -c "$FIXTURES/not-an-ini.ini"
expect_bad 2 'does not exist' "$MESSER" data bag show local -c in/missing.ini
expect_bad 2 "unknown option '--nope'" "$MESSER" data bag show local --nope
expect_bad 2 "'gcp' is not a provider" "$MESSER" data bag show gcp

# a tampered item: one bit of the ciphertext flipped
item="$HOME/.local/share/messer/secrets/dev/bag1/db"
python3 - "$item" <<'PY'
import base64, json, sys
path = sys.argv[1]
stored = json.load(open(path))
envelope = json.loads(base64.b64decode(stored["encrypted_data"]))
secret = bytearray(base64.b64decode(envelope["encrypted_secret"]))
secret[0] ^= 1
envelope["encrypted_secret"] = base64.b64encode(bytes(secret)).decode()
stored["encrypted_data"] = base64.b64encode(json.dumps(envelope).encode()).decode()
json.dump(stored, open(path, "w"))
PY
expect_bad 1 'failed its integrity check' "$MESSER" data bag show local bag1 db --decrypt
