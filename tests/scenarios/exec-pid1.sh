# exec as a container's entrypoint: bin/messer as PID 1 of a new PID namespace. The command it
# hands over to becomes PID 1 itself; SIGTERM while the JVM still works is handled (passed on to the
# JVM, exit 143, nothing run), although PID 1 ignores every signal it has no handler for. Needs
# unshare(1) and either root or unprivileged user namespaces; skipped otherwise, and failed when
# MESSER_REQUIRE_PIDNS=1 (as CI sets it).
namespace=(unshare --pid --fork --mount-proc)
[ "$(id -u)" = 0 ] || namespace=(unshare --user --map-root-user --pid --fork --mount-proc)
if ! command -v unshare >/dev/null || ! "${namespace[@]}" true 2>/dev/null; then
  echo "SKIPPED: cannot create a PID namespace here (unshare missing, or neither root nor user namespaces)" >&2
  [ "${MESSER_REQUIRE_PIDNS:-}" = "1" ] && exit 1
  exit 77
fi

"$MESSER" configure local -m pid1 -e dev 2>/dev/null
"$MESSER" encryption create local app --silent
"$MESSER" data bag create local app --silent
echo '{"id": "db", "password": "s3cr3t"}' >db.json
"$MESSER" data bag from file local app db.json --secret-file app --silent

# The command is PID 1 of the namespace, with the item's variable.
run "${namespace[@]}" "$MESSER" exec local app/db -- sh -c 'echo "$$ $PASSWORD"'
expect_status 0
[ "$OUT" = "1 s3cr3t" ] || fail "the command in the namespace printed [$OUT]"

# SIGTERM to the launcher while its JVM waits for a passphrase that never comes.
exec {never}< <(exec sleep 300)
never_pid=$!
trap 'kill "$never_pid" 2>/dev/null || true' EXIT
"${namespace[@]}" env MESSER_PASSPHRASE_FD=5 "$MESSER" exec local app/db -- touch ran 5<&"$never" 2>"$SANDBOX/err" &
outer=$!
# children_of PID [COMM]: the processes whose parent is PID (and that run COMM).
children_of() {
  local proc
  for proc in /proc/[0-9]*; do
    [ "$(awk '/^PPid:/ { print $2 }' "$proc/status" 2>/dev/null)" = "$1" ] || continue
    [ -z "${2:-}" ] || [ "$(cat "$proc/comm" 2>/dev/null)" = "$2" ] || continue
    echo "${proc#/proc/}"
  done
}
launcher=""
jvm=""
for _ in $(seq 1 600); do
  [ -n "$launcher" ] || launcher="$(children_of "$outer" bash)"
  [ -z "$launcher" ] || jvm="$(children_of "$launcher" java)"
  [ -z "$jvm" ] || break
  sleep 0.1
done
[ -n "$jvm" ] || fail "no JVM under a launcher in the namespace"
grep -qE '^NSpid:.*[[:space:]]1$' "/proc/$launcher/status" || fail "the launcher is not PID 1 of its namespace"
kill -TERM "$launcher"
for _ in $(seq 1 100); do kill -0 "$outer" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$outer" 2>/dev/null; then
  kill -KILL "$launcher" 2>/dev/null || true
  fail "the launcher, PID 1, ignored SIGTERM during the JVM phase"
fi
set +e
wait "$outer"
STATUS=$?
set -e
expect_status 143
[ ! -e ran ] || fail "the command ran after SIGTERM"
kill "$never_pid"
