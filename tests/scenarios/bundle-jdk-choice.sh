# Which JDK makes the release bundle's runtime (bin/lib/find-jdk.sh): the one named by
# MESSER_BUNDLE_JDK first, else the newest of JAVA_HOME, the running JDK, the Maven toolchains
# file's JDKs and the usual folders. Fake JDKs (a release file and three stub tools) stand in.
source "$REPO/bin/lib/find-jdk.sh"

# fake_jdk DIR VERSION: a folder that looks like a JDK of that version.
fake_jdk() {
  mkdir -p "$1/bin"
  printf 'JAVA_VERSION="%s"\n' "$2" >"$1/release"
  for tool in java jlink jdeps; do
    printf '#!/bin/sh\n' >"$1/bin/$tool"
    chmod +x "$1/bin/$tool"
  done
}
fake_jdk "$SANDBOX/jdk-17" 17.0.12
fake_jdk "$SANDBOX/jdk-21" 21.0.4
fake_jdk "$SANDBOX/jdk-99" 99-ea
mkdir -p "$SANDBOX/not-a-jdk"
# HOME's usual folders hold nothing; /usr/lib/jvm may hold real JDKs, which are older than 99.
export JAVA_HOME="$SANDBOX/jdk-17"

cat >"$SANDBOX/toolchains.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<toolchains>
  <toolchain>
    <type>jdk</type>
    <provides><version>21</version></provides>
    <configuration><jdkHome>$SANDBOX/jdk-21</jdkHome></configuration>
  </toolchain>
  <toolchain>
    <type>jdk</type>
    <provides><version>99</version></provides>
    <configuration>
      <jdkHome> $SANDBOX/jdk-99 </jdkHome>
    </configuration>
  </toolchain>
</toolchains>
XML

# The newest JDK of the toolchains file wins over JAVA_HOME and the running JDK.
[ "$(MESSER_TOOLCHAINS="$SANDBOX/toolchains.xml" find_jdk "" "$SANDBOX/jdk-17")" = "$SANDBOX/jdk-99" ] ||
  fail "the toolchains file's JDK 99 was not chosen"
[ "$(MESSER_TOOLCHAINS="$SANDBOX/toolchains.xml" toolchain_jdks | wc -l)" = 2 ] ||
  fail "the toolchains file should list two JDKs"

# A named JDK wins over everything, and a named folder that is not a JDK is an error.
[ "$(MESSER_TOOLCHAINS="$SANDBOX/toolchains.xml" find_jdk "$SANDBOX/jdk-21" "$SANDBOX/jdk-17")" = "$SANDBOX/jdk-21" ] ||
  fail "the named JDK 21 was not chosen"
if out="$(find_jdk "$SANDBOX/not-a-jdk" "$SANDBOX/jdk-17" 2>&1)"; then
  fail "a named folder that is not a JDK was accepted"
fi
[[ "$out" == *"is not a JDK with jlink"* ]] || fail "unexpected message: $out"

# Without a toolchains file the JDK 99 is unknown: an older one is chosen.
chosen="$(MESSER_TOOLCHAINS="$SANDBOX/none.xml" find_jdk "" "$SANDBOX/jdk-17")"
[ "$chosen" != "$SANDBOX/jdk-99" ] || fail "JDK 99 was found without the toolchains file"
[ "$(feature_version "$chosen")" -ge 17 ] || fail "chose $chosen, older than the running JDK 17"
