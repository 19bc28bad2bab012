# The release bundle unpacked into an empty folder runs with no JDK: JAVA_HOME unset and no java
# on the PATH. Quickstart works, then a whole aws round trip against moto; nothing is built.
source "$REPO/tests/lib/bundle.sh"
source "$REPO/tests/lib/moto.sh"
unpack_bundle

bundled --version
expect_status 0
expect_out_contains "messer "
# The launcher remembers the check of the AOT cache in folders only the user can open.
for folder in "$HOME/.cache" "$HOME/.cache/messer" "$HOME/.cache/messer/verified"; do
  [ "$(stat -c %a "$folder")" = 700 ] || fail "$folder is mode $(stat -c %a "$folder"), not 700"
done

bundled quickstart
expect_status 0
expect_out_contains '"password":"correct-horse-battery-staple"'
# Its docs pointer names the README the bundle ships, with the docs its links lead to.
expect_err_contains "(docs: $BUNDLE/share/doc/messer/README.md)"
for doc in README.md docs/cli.md docs/configuration.md graphics/data-bag-show-decrypt.png; do
  [ -f "$BUNDLE/share/doc/messer/$doc" ] || fail "the bundle lacks share/doc/messer/$doc"
done
bundled data bag show local demo db --decrypt --profile quickstart --format env
expect_status 0
expect_out_contains "PASSWORD="
# The runtime lists SunJCE second, after SUN (bin/bundle), so that the read's AES/GCM cipher does
# not build SunRsaSign, SunEC and SunJSSE first: none of the three is loaded by the local read.
grep -E '^security\.provider\.[1-5]=' "$BUNDLE/runtime/conf/security/java.security" | tr '\n' ' ' |
  grep -qx 'security.provider.1=SUN security.provider.2=SunJCE security.provider.3=SunRsaSign security.provider.4=SunEC security.provider.5=SunJSSE ' ||
  fail "the bundle's runtime does not list SunJCE second: $(grep '^security.provider' "$BUNDLE/runtime/conf/security/java.security")"
MESSER_JAVA_OPTS="-Xlog:class+load:file=$SANDBOX/local-classes.log" \
  bundled data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"password":"correct-horse-battery-staple"'
! grep -E ' sun\.security\.(ec\.SunEC|rsa\.SunRsaSign|ssl\.SunJSSE) ' "$SANDBOX/local-classes.log" ||
  fail "the local read loaded a provider it does not use: $(grep -E ' sun\.security\.(ec\.SunEC|rsa\.SunRsaSign|ssl\.SunJSSE) ' "$SANDBOX/local-classes.log")"
# The bundle's jar holds the option index: the options are not read from their annotations, whose
# proxy classes the AOT cache cannot hold.
! grep -E '\.\$Proxy[0-9]+ ' "$SANDBOX/local-classes.log" ||
  fail "the local read generated proxy classes (is the option index missing from the bundle?): $(grep -E -m3 '\.\$Proxy[0-9]+ ' "$SANDBOX/local-classes.log")"
# The bundle's launcher hands MESSER_PASSPHRASE and MESSER_MFA_TOKEN to its JVM on pipes, and the
# JVM hands the command back: the command is the process this scenario started (the launcher's),
# and that process did not start with either variable.
MESSER_PASSPHRASE=never-in-environ MESSER_MFA_TOKEN=123456 env -u JAVA_HOME PATH="$NOJAVA_PATH" \
  "$BUNDLE/bin/messer" exec local demo/db --profile quickstart -- bash -c 'echo "$$"
    while IFS= read -r -d "" v; do case "$v" in MESSER_PASSPHRASE=*|MESSER_MFA_TOKEN=*) echo "${v%%=*}";; esac; done \
      </proc/$$/environ; echo read' >"$SANDBOX/handed" 2>"$SANDBOX/handed.err" &
launcher=$!
wait "$launcher" || fail "the bundle's exec failed: $(cat "$SANDBOX/handed.err")"
[ "$(cat "$SANDBOX/handed")" = "$launcher"$'\nread' ] ||
  fail "the bundle's exec command (launcher $launcher) printed: $(cat "$SANDBOX/handed")"

start_moto
moto_resources bundle-secrets bundle-keys bundle-dev
cat > messer.ini <<INI
[profile ci]
provider = aws
tier = dev
master_key = bundle-dev
region = us-east-1
secrets_bucket = bundle-secrets
keys_bucket = bundle-keys
endpoint_url = $MOTO_URL
path_style = true
INI
bundled_aws_round_trip messer.ini ci

# Each provider has its own cache, chosen by the provider word: the aws command's S3 client came
# from the aws cache.
MESSER_JAVA_OPTS="-Xlog:class+load:file=$SANDBOX/aws-classes.log" \
  bundled data bag show aws payments db --decrypt -c messer.ini --profile ci --silent
expect_status 0
grep -q "software.amazon.awssdk.services.s3.DefaultS3Client source: shared objects file" "$SANDBOX/aws-classes.log" ||
  fail "the aws command's S3 client did not come from the aws cache"

# A heap past 32 GB turns compressed object pointers off, and the JVM then refuses the cache (made
# with them on) and starts without it. The launcher caps the heap the JVM chooses itself, so a
# container's JAVA_TOOL_OPTIONS asking for half of the memory keeps the cache on a 256 GB host.
JAVA_TOOL_OPTIONS="-XX:MaxRAM=256g -XX:MaxRAMPercentage=50" MESSER_JAVA_OPTS="-Xlog:class+load:file=$SANDBOX/big-host.log" \
  bundled data bag show local demo db --decrypt --profile quickstart
expect_status 0
expect_out_contains '"password":"correct-horse-battery-staple"'
grep -q "dev.messer.cli.Main source: shared objects file" "$SANDBOX/big-host.log" ||
  fail "with a default heap past 32 GB the bundle started without its AOT cache"

# The runtime holds only the modules messer runs (bin/lib/runtime-modules.sh): not the desktop
# module (AWT, java.beans: 24 MB) that ini4j's unused bean mapping names, nor the preferences, SQL
# or compiler modules; and not the archive for uncompressed object pointers (14 MB).
modules="$(sed -n 's/^MODULES="\(.*\)"$/\1/p' "$BUNDLE/runtime/release")"
[[ " $modules " == *" java.base "* ]] || fail "cannot read the runtime's modules: $modules"
for module in java.desktop java.prefs java.sql java.compiler; do
  [[ " $modules " != *" $module "* ]] || fail "the bundle's runtime holds $module"
done
[ ! -e "$BUNDLE/runtime/lib/server/classes_nocoops.jsa" ] || fail "the runtime holds classes_nocoops.jsa"

# The bundle carries what it promises, and running it built nothing.
for file in lib/messer.jar bin/lib/exec-handoff.sh share/bash-completion/completions/messer share/zsh/site-functions/_messer \
            share/man/man1/messer.1 share/doc/messer/THIRD-PARTY.txt runtime/legal/java.base; do
  [ -e "$BUNDLE/$file" ] || fail "the bundle lacks $file"
done
grep -q "software.amazon.awssdk:s3:" "$BUNDLE/share/doc/messer/THIRD-PARTY.txt" || fail "THIRD-PARTY.txt does not list the S3 client"
[ ! -e "$BUNDLE/target" ] || fail "the bundle's launcher built something"

# install from the bundle: the link points into the bundle, the completion comes from it, and the
# installed command runs without java on the PATH.
bundled install --prefix "$SANDBOX/prefix"
expect_status 0
[ "$(readlink "$SANDBOX/prefix/bin/messer")" = "$BUNDLE/bin/messer" ] || fail "the link does not point into the bundle"
cmp -s "$SANDBOX/prefix/share/bash-completion/completions/messer" "$BUNDLE/share/bash-completion/completions/messer" ||
  fail "the bash completion is not the bundle's"
run env -u JAVA_HOME PATH="$NOJAVA_PATH" "$SANDBOX/prefix/bin/messer" --version
expect_status 0
expect_out_contains "messer "
