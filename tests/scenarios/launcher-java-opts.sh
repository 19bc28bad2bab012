# MESSER_JAVA_OPTS reaches the JVM split at blanks and never globbed: a '*' in it stays a '*',
# even when a file in the working folder matches it.
touch -- '-Dmesser.probe=planted'
MESSER_JAVA_OPTS='-XshowSettings:properties -Dmesser.probe=*   -Dmesser.second=2' run "$MESSER" --version
expect_status 0
expect_out_contains "messer "
expect_err_contains "messer.probe = *"
expect_err_contains "messer.second = 2"
[[ "$ERR" != *"messer.probe = planted"* ]] || fail "MESSER_JAVA_OPTS was globbed"

# Globbing stays on for the rest of the launcher (the CDS archive check, the build).
MESSER_JAVA_OPTS= run "$MESSER" --version
expect_status 0
expect_out_contains "messer "
