# Sourced by bin/messer, and shipped beside it in the release bundle (bin/lib/exec-handoff.sh).
#
# 'messer exec' without a JVM that stays: the launcher runs the JVM as its child, with a pipe whose
# descriptor MESSER_EXEC_HANDOFF_FD names. Once the JVM has built the command's environment, it
# writes on that pipe what the launcher needs to become the command, and exits; the launcher then
# sets the environment and runs the command with bash's exec, in its own process: the command has
# the PID the caller started, and no messer process stays behind. The JVM decides (exec/HandoffPlan)
# whether every name can pass through bash unchanged; when one cannot, or when it runs the command
# itself for another reason, it writes nothing and the launcher exits with the JVM's status.
#
# The stream (every entry ends with a NUL byte; no value is ever in an argument list or a file):
#   messer-exec-handoff 1
#   PROGRAM                      the command's resolved path
#   N  ARGV0 ARG1 ... ARG(N-1)   the command line as typed: ARGV0 becomes argv[0]
#   K  NAME...                   the exported names to remove
#   M  NAME=VALUE...             the variables to export (new, or with another value)
#   end
# Names in neither list pass through as the JVM saw them. The launcher acts only on a complete
# stream from a JVM that exited with status 0, and only when no signal came meanwhile, so a JVM
# killed midway never leads to a command with half an environment. Every variable of this file
# is named messer_handoff_*, a prefix the JVM refuses to hand over (it would collide with these).

# without_secret_descriptors: closes the descriptors (3 and above) that MESSER_PASSPHRASE_FD and
# MESSER_MFA_TOKEN_FD name, and forgets the variables, in a process that runs something other than
# messer (the build, the command of exec), so that it cannot read a secret meant for the JVM.
without_secret_descriptors() {
  local fd
  for fd in "${MESSER_PASSPHRASE_FD-}" "${MESSER_MFA_TOKEN_FD-}"; do
    case "$fd" in *[!0-9]*|''|0|1|2) ;; *) eval "exec $fd<&-" ;; esac
  done
  unset MESSER_PASSPHRASE_FD MESSER_MFA_TOKEN_FD MESSER_PASSPHRASE_FILE
}

# messer_exec_with_handoff JAVA-COMMAND...: runs the JVM as a child with the handoff pipe, reading
# the pipe while the JVM writes (no size makes either wait for the other), then either runs the
# command it handed over (never returns) or exits with the JVM's status. SIGTERM, SIGINT and SIGHUP
# meanwhile are passed on to the JVM: a command handed over after one is not run (the launcher
# exits with 128+N), and a command the JVM runs as its child gets it from the JVM. Trapped, they
# are handled even when the launcher is PID 1 of a container, where a signal without a handler is
# ignored. Never returns: when it cannot make the pipe (where /dev/fd does not open a pipe again),
# it becomes the JVM, which then runs the command as its child.
messer_exec_with_handoff() {
  if messer_handoff_pipe; then
    messer_handoff_read "$@"
    messer_handoff_run
  fi
  exec "$@"
}

# messer_handoff_pipe: opens a pipe on messer_handoff_in (for reading) and messer_handoff_out (for
# writing): a process substitution's, opened again through /dev/fd (Linux opens the pipe itself
# there). No file holds anything.
messer_handoff_pipe() {
  local messer_handoff_both
  { exec {messer_handoff_both}<> <(:); } 2>/dev/null || return 1
  if ! { exec {messer_handoff_in}</dev/fd/"$messer_handoff_both" {messer_handoff_out}>/dev/fd/"$messer_handoff_both"; } 2>/dev/null; then
    exec {messer_handoff_both}>&-
    return 1
  fi
  exec {messer_handoff_both}>&-
}

# messer_handoff_read JAVA-COMMAND...: runs the JVM in the background with the pipe's end for
# writing, reads what it hands over into messer_handoff_entries, then waits for it
# (messer_handoff_status). The JVM is an ordinary child, whose status wait always has (bash 5.2
# may lose that of a process substitution), and it keeps the default SIGINT, which a simple
# background command would not.
messer_handoff_read() {
  local messer_handoff_entry messer_handoff_again
  messer_handoff_jvm=""
  messer_handoff_signal=""
  messer_handoff_status=0
  messer_handoff_entries=()
  messer_handoff_tail=""
  trap 'messer_handoff_caught 15 TERM' TERM
  trap 'messer_handoff_caught 2 INT' INT
  trap 'messer_handoff_caught 1 HUP' HUP
  unset MESSER_EXEC_HANDOFF_FD   # a caller's: the JVM gets the launcher's alone
  # bash reports a background job that a signal ended ("Killed") on its stderr: while the JVM
  # runs, the launcher's stderr leads nowhere, and the JVM gets the real one (unless the caller
  # closed it).
  messer_handoff_err=""
  if : >&2; then   # (when the caller closed stderr, bash has nowhere to complain)
    exec {messer_handoff_err}>&2 2>/dev/null
  fi
  # The JVM keeps the launcher's stdin (a background command would get /dev/null), unless the
  # caller closed it.
  if { : <&0; } 2>/dev/null; then
    messer_handoff_start "$@" <&0 &
  else
    messer_handoff_start "$@" &
  fi
  messer_handoff_jvm=$!
  exec {messer_handoff_out}>&-   # the JVM holds the only end for writing: its exit is the end
  [ -z "$messer_handoff_signal" ] || kill -s "$messer_handoff_signal_name" "$messer_handoff_jvm" 2>/dev/null || true
  # TMOUT (set by the caller) would give up on a JVM that takes long; the JVM saw the caller's.
  local TMOUT=
  while IFS= read -r -d '' -u "$messer_handoff_in" messer_handoff_entry; do
    messer_handoff_entries+=("$messer_handoff_entry")
  done
  messer_handoff_tail="$messer_handoff_entry"   # bytes after the last NUL: an entry cut short
  exec {messer_handoff_in}<&-
  # A trapped signal ends wait early; the JVM, then still alive, is waited for again.
  messer_handoff_again=1
  while [ "$messer_handoff_again" = 1 ]; do
    messer_handoff_again=0
    wait "$messer_handoff_jvm" && messer_handoff_status=0 || messer_handoff_status=$?
    if [ "$messer_handoff_status" -gt 128 ] && kill -0 "$messer_handoff_jvm" 2>/dev/null; then
      messer_handoff_again=1
    fi
  done
  [ -z "$messer_handoff_err" ] || exec 2>&"$messer_handoff_err" {messer_handoff_err}>&-
}

# messer_handoff_start JAVA-COMMAND...: the JVM, run in the background, with the launcher's stderr,
# the pipe's end for writing (a descriptor of 10 or above, which takes none the caller opened for
# messer) named in MESSER_EXEC_HANDOFF_FD, and without the end for reading.
messer_handoff_start() {
  [ -z "$messer_handoff_err" ] || exec 2>&"$messer_handoff_err" {messer_handoff_err}>&-
  MESSER_EXEC_HANDOFF_FD="$messer_handoff_out" exec "$@" {messer_handoff_in}<&-
}

# messer_handoff_caught NUMBER NAME: the trap of the JVM phase: remembers the signal, passes it on.
messer_handoff_caught() {
  messer_handoff_signal="$1"
  messer_handoff_signal_name="$2"
  [ -z "$messer_handoff_jvm" ] || kill -s "$2" "$messer_handoff_jvm" 2>/dev/null || true
}

# messer_handoff_run: runs the command the JVM handed over, or exits.
messer_handoff_run() {
  if [ "${#messer_handoff_entries[@]}" -eq 0 ] && [ -z "$messer_handoff_tail" ]; then
    # Nothing handed over: the JVM ran the command as its child (and passed the signals the
    # launcher passed it on to it), or failed and said why. Its status is the command's.
    exit "$messer_handoff_status"
  fi
  if [ -n "$messer_handoff_signal" ]; then
    exit $((128 + messer_handoff_signal))
  fi
  if [ "$messer_handoff_status" -ne 0 ] || [ -n "$messer_handoff_tail" ] || ! messer_handoff_complete; then
    if [ "$messer_handoff_status" -gt 128 ]; then
      echo "messer: the JVM ended by signal $((messer_handoff_status - 128)) while it handed the command over; nothing was run" >&2
    elif [ "$messer_handoff_status" -eq 0 ]; then
      echo "messer: the JVM handed the command over incompletely; nothing was run" >&2
      messer_handoff_status=1
    fi
    exit "$messer_handoff_status"
  fi
  local messer_handoff_i messer_handoff_end messer_handoff_name messer_handoff_value messer_handoff_program
  local messer_handoff_argv=()
  without_secret_descriptors   # first: the JVM's plan removes the variables that name them
  messer_handoff_program="${messer_handoff_entries[1]}"
  messer_handoff_i=3
  messer_handoff_end=$((messer_handoff_i + messer_handoff_entries[2]))
  messer_handoff_argv=("${messer_handoff_entries[@]:messer_handoff_i:messer_handoff_end-messer_handoff_i}")
  messer_handoff_i=$((messer_handoff_end + 1))
  messer_handoff_end=$((messer_handoff_i + messer_handoff_entries[messer_handoff_end]))
  for ((; messer_handoff_i < messer_handoff_end; messer_handoff_i++)); do
    messer_handoff_name="${messer_handoff_entries[messer_handoff_i]}"
    messer_handoff_identifier "$messer_handoff_name" && unset -v "$messer_handoff_name" 2>/dev/null &&
      [ -z "${!messer_handoff_name+set}" ] || messer_handoff_refuse "$messer_handoff_name" remove
  done
  messer_handoff_i=$((messer_handoff_end + 1))
  messer_handoff_end=$((messer_handoff_i + messer_handoff_entries[messer_handoff_end]))
  for ((; messer_handoff_i < messer_handoff_end; messer_handoff_i++)); do
    messer_handoff_name="${messer_handoff_entries[messer_handoff_i]%%=*}"
    messer_handoff_value="${messer_handoff_entries[messer_handoff_i]#*=}"
    # Read back: a name bash rewrites on assignment (RANDOM, SECONDS, ...) stops the run here.
    messer_handoff_identifier "$messer_handoff_name" &&
      export -- "$messer_handoff_name=$messer_handoff_value" 2>/dev/null &&
      [ "${!messer_handoff_name-}" = "$messer_handoff_value" ] || messer_handoff_refuse "$messer_handoff_name" set
  done
  [ -z "$messer_handoff_signal" ] || exit $((128 + messer_handoff_signal))
  shopt -s execfail
  exec -a "${messer_handoff_argv[0]}" -- "$messer_handoff_program" "${messer_handoff_argv[@]:1}"
  messer_handoff_status=$?
  echo "messer: cannot run '${messer_handoff_argv[0]}': $messer_handoff_program changed after messer checked it; nothing was run" >&2
  exit "$messer_handoff_status"
}

# messer_handoff_complete: true when the entries are one whole stream, up to 'end' and no further.
messer_handoff_complete() {
  local messer_handoff_i=2 messer_handoff_count messer_handoff_section
  [ "${messer_handoff_entries[0]}" = "messer-exec-handoff 1" ] || return 1
  for messer_handoff_section in arguments removals variables; do
    messer_handoff_count="${messer_handoff_entries[messer_handoff_i]-}"
    [[ "$messer_handoff_count" =~ ^(0|[1-9][0-9]{0,6})$ ]] || return 1
    messer_handoff_i=$((messer_handoff_i + 1 + messer_handoff_count))
  done
  [ "${messer_handoff_entries[2]}" -ge 1 ] && [ "$((messer_handoff_i + 1))" -eq "${#messer_handoff_entries[@]}" ] &&
    [ "${messer_handoff_entries[messer_handoff_i]}" = end ]
}

messer_handoff_identifier() { [[ "$1" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]]; }

messer_handoff_refuse() {
  echo "messer: bash could not $2 the variable $1 for the command; nothing was run" >&2
  exit 1
}
