# README's command blocks, taken from README.md itself, run top to bottom on a fresh HOME after
# quickstart, as a newcomer pastes them: every command must exit 0 (a line that README expects to
# fail says so with '|| true'). The local blocks run verbatim from the checkout; the blocks that
# name the aws provider run against moto with only MESSER_ENDPOINT_URL and MESSER_ALLOW_HTTP set.
# The editor is a script, as a user's editor would be; README does not say which one to use.
source "$REPO/tests/lib/moto.sh"
start_moto
cd "$REPO"

printf '#!/bin/sh\nsed -i "s/db.internal.example/db2.internal.example/" "$1"\n' >"$SANDBOX/editor"
chmod 700 "$SANDBOX/editor"
export EDITOR="$SANDBOX/editor"

run bin/messer quickstart
expect_status 0

# blocks: README's ```sh blocks, each as one file in $SANDBOX/blocks, in order.
mkdir "$SANDBOX/blocks"
awk -v dir="$SANDBOX/blocks" '
  /^```sh$/ { n++; file = sprintf("%s/%02d", dir, n); inside = 1; printf "" > file; next }
  /^```/ && inside { inside = 0; close(file); next }
  inside { print >> file }
' README.md
blocks=("$SANDBOX"/blocks/*)
[ "${#blocks[@]}" -ge 5 ] || fail "README.md has only ${#blocks[@]} sh blocks; the extraction is broken"

ran=0
for block in "${blocks[@]}"; do
  aws=0
  grep -Eq '^bin/messer [a-z -]+ aws( |$)' "$block" && aws=1
  while IFS= read -r line || [ -n "$line" ]; do
    case "$line" in
      ''|'#'*) continue ;;
      ./mvnw*) fail "README's command blocks run messer, not the build: $line" ;;
    esac
    if [ "$aws" = 1 ]; then
      line="MESSER_ENDPOINT_URL=$MOTO_URL MESSER_ALLOW_HTTP=true $line"
    fi
    echo "+ $line"
    if ! eval "$line" </dev/null; then
      fail "README line did not exit as README says: $line"
    fi
    ran=$((ran + 1))
  done <"$block"
done
[ "$ran" -ge 30 ] || fail "only $ran README commands ran"
# README's audit block writes its page where it runs, here the checkout: check it, then take it away
[ "$(stat -c %a audit.html)" = 600 ] || fail "README's audit.html is not mode 0600"
rm -f audit.html
echo "ran $ran README commands"
