# A checkout's launcher without a usable Java says, in one line, that messer needs Java 17 or later
# and where the release bundle is (which brings its own runtime), instead of bash's
# "exec: java: not found". The same for MESSER_JAVA naming nothing, and for a Java that is too old
# (named with its version). A Java 17 passes the check.

# A PATH with every program of this one but java.
mkdir nojava
IFS=: read -r -a folders <<<"$PATH"
for folder in "${folders[@]}"; do
  for program in "$folder"/*; do
    name="${program##*/}"
    [ "$name" != java ] && [ -x "$program" ] && [ ! -e "nojava/$name" ] && ln -s "$program" "nojava/$name"
  done
done
PATH="$PWD/nojava" command -v java >/dev/null && fail "the PATH without java still finds one"

bundle_hint="which brings its own Java"
run env -u MESSER_JAVA -u JAVA_HOME PATH="$PWD/nojava" "$MESSER" --version
expect_status 1
expect_one_line_err
expect_err_contains "messer: java is not on the PATH; messer needs Java 17 or later"
expect_err_contains "$bundle_hint"
# where it is: the one built in target/, else how './mvnw package' builds it
[[ "$ERR" == *"release bundle"*"target/messer-VERSION-linux-x64.tar.gz"* ||
   "$ERR" == *"release bundle $REPO/target/messer-"*"-linux-x64.tar.gz"* ]] || fail "the line does not say where the release bundle is"
[[ "$ERR" != *"not found"* ]] || fail "bash's own message came through"

# In a checkout without a built bundle, the line says how to build one.
project="$SANDBOX/project"
mkdir -p "$project/bin" "$project/src/main" "$project/config" "$project/target"
cp "$REPO/bin/messer" "$project/bin/messer"
cp -R "$REPO/bin/lib" "$project/bin/lib"
cp "$REPO/pom.xml" "$project/pom.xml"
cp "$REPO/config/messer.ini" "$project/config/messer.ini"
cp "$REPO/target/messer.jar" "$project/target/messer.jar"
run env -u MESSER_JAVA -u JAVA_HOME PATH="$PWD/nojava" "$project/bin/messer" --version
expect_status 1
expect_one_line_err
expect_err_contains "or use the release bundle, which brings its own Java: './mvnw package' on a machine with Java 17 or later builds target/messer-VERSION-linux-x64.tar.gz"

run env MESSER_JAVA="$PWD/none/bin/java" "$MESSER" --version
expect_status 1
expect_one_line_err
expect_err_contains "messer: MESSER_JAVA=$PWD/none/bin/java is not an executable file; messer needs Java 17 or later"
expect_err_contains "$bundle_hint"

# fake_java DIR VERSION: a Java home whose release file says VERSION and whose bin/java says "fake".
fake_java() {
  mkdir -p "$1/bin"
  printf 'IMPLEMENTOR="test"\nJAVA_VERSION="%s"\n' "$2" >"$1/release"
  printf '#!/bin/sh\necho fake\n' >"$1/bin/java"
  chmod +x "$1/bin/java"
}
fake_java java11 11.0.2
run env MESSER_JAVA="$PWD/java11/bin/java" "$MESSER" --version
expect_status 1
expect_one_line_err
expect_err_contains "messer: $PWD/java11/bin/java is Java 11; messer needs Java 17 or later"
expect_err_contains "$bundle_hint"
fake_java java8 1.8.0_292
ln -s "$PWD/java8/bin/java" nojava/java
run env -u MESSER_JAVA PATH="$PWD/nojava" "$MESSER" --version
expect_status 1
expect_err_contains "messer: $PWD/nojava/java is Java 8; messer needs Java 17 or later"
rm nojava/java

fake_java java17 17.0.1
run env MESSER_JAVA="$PWD/java17/bin/java" "$MESSER" --version
expect_status 0
[ "$OUT" = fake ] || fail "a Java 17 did not pass the check: [$OUT] $ERR"
