# exec through bin/messer: the JVM hands the environment to the launcher and exits, and the launcher
# becomes the command. The command has the PID the caller started, no java process is left while
# it runs, and its environment is exactly the one messer built. Names bash would change keep the
# command a child of the JVM, with the same environment. The statuses and one-line messages of a
# command that cannot run, a command killed by a signal, a signal during the JVM phase, and a JVM
# killed while it hands over (nothing runs).
"$MESSER" configure local -m handoff -e dev 2>/dev/null
"$MESSER" encryption create local app --silent
"$MESSER" data bag create local app --silent
printf '{"id": "db", "password": "pa55 $HOME `x` \\\\ \\"q\\"\\nline2 grüße"}\n' >db.json
printf '{"id": "odd", "random": "4", "uid": "77", "password": "p"}\n' >odd.json
expected=$'pa55 $HOME `x` \\ "q"\nline2 grüße'
"$MESSER" data bag from file local app db.json --secret-file app --silent
"$MESSER" data bag from file local app odd.json --secret-file app --silent

# ancestry PID: "PID:COMM" of PID and each ancestor, up to PID 1.
ancestry() {
  local pid="$1" comm ppid
  while [ -n "$pid" ] && [ "$pid" -ge 1 ] 2>/dev/null; do
    IFS= read -r comm <"/proc/$pid/comm" || break
    printf '%s:%s ' "$pid" "$comm"
    [ "$pid" -gt 1 ] || break
    ppid="$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status")"
    pid="$ppid"
  done
}

# javas_under PID: the java processes whose ancestry passes through PID.
javas_under() {
  local proc pid
  for proc in /proc/[0-9]*; do
    pid="${proc#/proc/}"
    [ "$(cat "$proc/comm" 2>/dev/null)" = java ] || continue
    case " $(ancestry "$pid")" in *" $1:"*) echo "$pid" ;; esac
  done
}

# start CMD...: runs CMD in the background (LAUNCHER is its PID) with stdout and stderr to files.
start() {
  "$@" >"$SANDBOX/out" 2>"$SANDBOX/err" &
  LAUNCHER=$!
}

# finish: waits for LAUNCHER (STATUS, OUT, ERR).
finish() {
  set +e
  wait "$LAUNCHER"
  STATUS=$?
  set -e
  OUT="$(cat "$SANDBOX/out")"
  ERR="$(cat "$SANDBOX/err")"
}

# wait_for FILE: up to 60 s.
wait_for() {
  local i
  for i in $(seq 1 600); do [ -s "$1" ] && return 0; sleep 0.1; done
  fail "$1 did not appear"
}

# env_value FILE NAME: the value of NAME in FILE (as env -0 prints an environment); fails without it.
env_value() {
  local record
  while IFS= read -r -d '' record; do
    [ "${record%%=*}" = "$2" ] && { printf '%s' "${record#*=}"; return 0; }
  done <"$1"
  return 1
}

# 1. The command is the process the caller started; no java process remains while it runs.
start "$MESSER" exec local app/db -- bash -c 'echo "$$ $PPID" >"$0"; [ "$PASSWORD" = "$1" ] || exit 9; exec sleep 60' \
  "$SANDBOX/ids" "$expected"
wait_for "$SANDBOX/ids"
read -r child parent <"$SANDBOX/ids"
[ "$child" = "$LAUNCHER" ] || fail "the command's PID is $child, the launcher's $LAUNCHER"
[ "$parent" = "$$" ] || fail "the command's parent is $parent ($(ancestry "$parent")), not this shell $$"
remaining="$(javas_under "$$")"
[ -z "$remaining" ] || fail "java processes remain while the command runs: $remaining"
kill -TERM "$LAUNCHER"
finish
expect_status 143
expect_err_contains "Running bash with 1 variables from app/db"

# 2. Exactly the environment messer built: --keep-env (the caller's, with the item's variable) and
#    --pristine (the same set as a child of the JVM gets).
envcmd="$(command -v env)"
env FOO=bar "$MESSER" exec local app/db -- "$envcmd" -0 >handed.env 2>/dev/null
[ "$(env_value handed.env FOO)" = bar ] || fail "the inherited FOO did not reach the command"
[ "$(env_value handed.env PASSWORD)" = "$expected" ] || fail "PASSWORD did not reach the command unchanged"
! env_value handed.env MESSER_EXEC_HANDOFF_FD >/dev/null || fail "the launcher's descriptor variable reached the command"
env -i PATH="$PATH" HOME="$HOME" LANG=C.UTF-8 FOO=bar SHLVL=4 "$MESSER" exec local app/db --pristine -- "$envcmd" -0 \
  >pristine.env 2>/dev/null
printf '%s\0' "HOME=$HOME" "LANG=C.UTF-8" "PASSWORD=$expected" "PATH=/usr/local/bin:/usr/bin:/bin" "SHLVL=4" |
  sort -z >pristine.expected
sort -z pristine.env >pristine.sorted
cmp -s pristine.expected pristine.sorted ||
  fail "--pristine gave [$(tr '\0' ' ' <pristine.sorted)], not [$(tr '\0' ' ' <pristine.expected)]"

# A caller that closed stdout: the command still runs, with stdout closed.
"$MESSER" exec local app/db -- sh -c 's=closed; [ ! -e /proc/$$/fd/1 ] || s=open; echo "ran; stdout $s" >&2' \
  >&- 2>closed.err || fail "exec with stdout closed failed: $(cat closed.err)"
grep -qx "ran; stdout closed" closed.err || fail "exec with stdout closed: $(cat closed.err)"

# The command has the caller's descriptors and no other: none of the pipes or the file that
# handed the JVM the passphrase and the MFA code, none of the handoff.
fds='cd /proc/$$/fd && echo *'
baseline="$(bash -c "$fds")"
MESSER_PASSPHRASE=unused-passphrase MESSER_MFA_TOKEN=123456 run "$MESSER" exec local app/db -- bash -c "$fds"
expect_status 0
[ "$OUT" = "$baseline" ] || fail "the command has descriptors [$OUT], the caller [$baseline]"
printf 'unused-passphrase\n' >passphrase.txt
chmod 600 passphrase.txt
MESSER_PASSPHRASE_FD=5 run "$MESSER" exec local app/db -- bash -c "$fds" 5<passphrase.txt
expect_status 0
[ "$OUT" = "$baseline" ] || fail "the command has descriptors [$OUT] (passphrase on 5), the caller [$baseline]"

# 3. Names bash changes: RANDOM and UID from an item, and --pristine with an inherited a-b, keep the
#    command a child of the JVM, with the values unchanged; the readonly UID does not end the launcher.
run "$MESSER" exec local app/odd -- bash -c 'cat /proc/$PPID/comm; tr "\0" "\n" </proc/$$/environ | grep -E "^(RANDOM|UID)=" | sort'
expect_status 0
[ "$OUT" = $'java\nRANDOM=4\nUID=77' ] || fail "RANDOM and UID: [$OUT]"
env 'a-b=1' "$MESSER" exec local app/db --pristine --debug -- "$envcmd" -0 >child.env 2>child.err
grep -qF "runs as a child of messer's JVM: bash cannot remove the variable 'a-b'" child.err || fail "$(cat child.err)"
! env_value child.env a-b >/dev/null || fail "--pristine passed a-b on"
[ "$(env_value child.env PASSWORD)" = "$expected" ] || fail "the child of the JVM lacks PASSWORD"
# Without --pristine, a-b passes through bash as it came, and the launcher becomes the command.
env 'a-b=1' "$MESSER" exec local app/db --debug -- "$envcmd" -0 >handed.env 2>handed.err
! grep -q "child of messer's JVM" handed.err || fail "a-b kept the JVM: $(cat handed.err)"
[ "$(env_value handed.env a-b)" = 1 ] || fail "a-b did not reach the command"

# 4. A command that cannot run: messer's own line, a shell's status, no item read.
run "$MESSER" exec local app/db -- no-such-command-anywhere
expect_status 127
expect_one_line_err
expect_err_contains "messer: cannot run 'no-such-command-anywhere': not found on PATH"
printf '#!/bin/sh\n' >not-executable.sh
run "$MESSER" exec local app/db -- ./not-executable.sh
expect_status 126
expect_one_line_err
expect_err_contains "messer: cannot run './not-executable.sh': it is not executable"

# 5. A command killed by signal N: the caller's $? is 128+N, handed over or a child of the JVM.
run "$MESSER" exec local app/db -- sh -c 'kill -TERM $$'
expect_status 143
run "$MESSER" exec local app/odd -- sh -c 'kill -TERM $$'
expect_status 143

# SIGTERM to the launcher whose JVM runs the command as its child: the JVM passes it on, and the
# command's own status (its trap's) comes back, as from a JVM started directly.
start "$MESSER" exec local app/odd -- bash -c 'trap "exit 42" TERM; echo ready >"$0"; while :; do sleep 0.1; done' \
  "$SANDBOX/ready"
wait_for "$SANDBOX/ready"
kill -TERM "$LAUNCHER"
finish
expect_status 42

# A passphrase descriptor that never ends keeps the JVM waiting, as a slow store would.
exec {never}< <(exec sleep 300)
never_pid=$!
trap 'kill "$never_pid" 2>/dev/null || true' EXIT

# 6. SIGTERM while the JVM works: the launcher passes it on, exits 143 and runs nothing; no java
#    process is left.
start env MESSER_PASSPHRASE_FD=5 "$MESSER" exec local app/db -- touch ran 5<&"$never"
for _ in $(seq 1 600); do [ -n "$(javas_under "$LAUNCHER")" ] && break; sleep 0.1; done
[ -n "$(javas_under "$LAUNCHER")" ] || fail "no JVM under the launcher"
kill -TERM "$LAUNCHER"
finish
expect_status 143
[ ! -e ran ] || fail "the command ran after SIGTERM"
for _ in $(seq 1 50); do [ -z "$(javas_under "$$")" ] && break; sleep 0.1; done
[ -z "$(javas_under "$$")" ] || fail "a java process is left: $(javas_under "$$")"

# 7. The real JVM killed (SIGKILL) before it hands over: nothing runs, the status says so.
start env MESSER_PASSPHRASE_FD=5 "$MESSER" exec local app/db -- touch ran 5<&"$never"
for _ in $(seq 1 600); do [ -n "$(javas_under "$LAUNCHER")" ] && break; sleep 0.1; done
kill -KILL "$(javas_under "$LAUNCHER")"
finish
expect_status 137
[ ! -e ran ] || fail "the command ran after the JVM was killed"
# Killed halfway through the stream: a stand-in for the JVM writes the first half of a stream,
# then kills itself. (Given HALF=no, it writes the whole stream, which runs the command; given
# HALF=late, it ignores SIGTERM and writes the whole stream two seconds after it started.)
mkdir -p fakejvm/bin
cat >fakejvm/bin/java <<'JVM'
#!/usr/bin/env bash
if [ "${HALF:-}" = late ]; then   # a JVM that ignores SIGTERM and hands over after it came
  trap '' TERM
  echo started >started
  sleep 2
fi
printf '%s\0' "messer-exec-handoff 1" "$(command -v touch)" 2 touch ran >&"$MESSER_EXEC_HANDOFF_FD"
if [ "${HALF:-}" = no ] || [ "${HALF:-}" = late ]; then
  printf '%s\0' 0 1 PASSWORD=x end >&"$MESSER_EXEC_HANDOFF_FD"
  exit 0
fi
kill -KILL $$
JVM
chmod +x fakejvm/bin/java
HALF=no MESSER_JAVA="$PWD/fakejvm/bin/java" run "$MESSER" exec local app/db -- touch ran
expect_status 0
[ -e ran ] || fail "the stand-in's whole stream did not run the command"
rm ran
MESSER_JAVA="$PWD/fakejvm/bin/java" run "$MESSER" exec local app/db -- touch ran
expect_status 137
expect_one_line_err
expect_err_contains "messer: the JVM ended by signal 9 while it handed the command over; nothing was run"
[ ! -e ran ] || fail "half a stream ran the command"
# A whole stream that comes after a SIGTERM to the launcher runs nothing either.
HALF=late MESSER_JAVA="$PWD/fakejvm/bin/java" start "$MESSER" exec local app/db -- touch ran
wait_for started
kill -TERM "$LAUNCHER"
finish
expect_status 143
[ ! -e ran ] || fail "the command ran after SIGTERM"
