# The release bundle for scenarios: unpack_bundle unpacks target/messer-*-linux-x64.tar.gz into a
# fresh folder and sets BUNDLE (its root) and NOJAVA_PATH (a PATH with bash and the few tools the launcher uses, no
# java). Without a built bundle the scenario is skipped (exit 77), unless MESSER_REQUIRE_BUNDLE=1
# (CI), when it fails.

unpack_bundle() {
  local archive
  archive="$(ls "$REPO"/target/messer-*-linux-x64.tar.gz 2>/dev/null | head -n 1 || true)"
  if [ -z "$archive" ]; then
    if [ "${MESSER_REQUIRE_BUNDLE:-}" = "1" ]; then
      echo "no release bundle in target/ and MESSER_REQUIRE_BUNDLE=1; build it with ./mvnw package" >&2
      exit 1
    fi
    echo "SKIPPED: no release bundle in target/ (build it with ./mvnw package)" >&2
    exit 77
  fi
  mkdir "$SANDBOX/unpacked" "$SANDBOX/nojava"
  tar -xzf "$archive" -C "$SANDBOX/unpacked"
  BUNDLE="$(ls -d "$SANDBOX"/unpacked/messer-*)"
  local tool
  for tool in bash dirname readlink mkdir cp mv ln cksum mktemp chmod rm; do
    ln -s "$(command -v "$tool")" "$SANDBOX/nojava/"
  done
  NOJAVA_PATH="$SANDBOX/nojava"
  if PATH="$NOJAVA_PATH" command -v java >/dev/null 2>&1; then
    fail "the restricted PATH still finds java"
  fi
}

# bundled CMD...: runs the bundle's launcher with JAVA_HOME unset and no java on the PATH.
bundled() {
  run env -u JAVA_HOME PATH="$NOJAVA_PATH" "$BUNDLE/bin/messer" "$@"
}

# bundled_aws_round_trip CONFIG PROFILE: through the bundle, creates data key app and bag payments,
# uploads item db and reads it back decrypted; every step must succeed, silently on stderr at the end.
bundled_aws_round_trip() {
  local config="$1" profile="$2"
  bundled encryption create aws app -c "$config" --profile "$profile"
  expect_status 0
  bundled data bag create aws payments -c "$config" --profile "$profile"
  expect_status 0
  bundled data bag from file aws payments "$FIXTURES/item-db.json" --secret-file app -c "$config" --profile "$profile"
  expect_status 0
  bundled data bag show aws payments db --decrypt -c "$config" --profile "$profile" --silent
  expect_status 0
  expect_err_empty
  printf '%s' "$OUT" | python3 -c 'import json,sys; d=json.load(sys.stdin); assert d["id"]=="db" and d["key_version"]==0, d'
}
