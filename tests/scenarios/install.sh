# 'messer install' puts messer on the PATH (a link to this launcher) and installs bash and zsh
# completion under the prefix, printing what it did; completion then works for 'messer' and for
# 'bin/messer'. Bad arguments are usage errors, an existing file that is not messer's own is never
# replaced, and a link planted where the install writes never leads it elsewhere.
prefix="$SANDBOX/prefix"
run "$MESSER" install --prefix "$prefix"
expect_status 0
[ -L "$prefix/bin/messer" ] || fail "$prefix/bin/messer is not a link"
[ "$(readlink "$prefix/bin/messer")" = "$REPO/bin/messer" ] || fail "the link points to $(readlink "$prefix/bin/messer")"
bash_file="$prefix/share/bash-completion/completions/messer"
zsh_file="$prefix/share/zsh/site-functions/_messer"
[ -s "$bash_file" ] || fail "no bash completion at $bash_file"
[ -s "$zsh_file" ] || fail "no zsh completion at $zsh_file"
expect_out_contains "linked $prefix/bin/messer -> $REPO/bin/messer"
expect_out_contains "bash completion: $bash_file"
expect_out_contains "fpath=($prefix/share/zsh/site-functions \$fpath)"
expect_out_contains "export PATH=\"$prefix/bin:\$PATH\""

# The link runs messer from anywhere.
run env PATH="$prefix/bin:$PATH" messer --version
expect_status 0
expect_out_contains "messer "

# bash: the function completes the words whatever the command is called.
for command in messer bin/messer; do
  words="$(bash -c 'source "$1"; COMP_WORDS=("$2" data b); COMP_CWORD=2; _messer; echo "${COMPREPLY[*]}"' _ "$bash_file" "$command")"
  [ "$words" = "bag" ] || fail "bash completion of '$command data b' gave '$words'"
done
# bash-completion, where installed, finds the file by the command's name, also for bin/messer.
if [ -f /usr/share/bash-completion/bash_completion ]; then
  for command in messer bin/messer; do
    found="$(BASH_COMPLETION_USER_DIR="$prefix/share/bash-completion" bash -c \
      'source /usr/share/bash-completion/bash_completion; __load_completion "$1"; complete -p messer' _ "$command")"
    [[ "$found" == *"-F _messer messer"* ]] || fail "bash-completion did not load the script for $command: $found"
  done
fi
# zsh, where installed: compinit registers the file for messer from the printed fpath line.
if command -v zsh >/dev/null; then
  found="$(zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -D; print -r -- "$_comps[messer]"' _ \
    "$prefix/share/zsh/site-functions")"
  [ "$found" = "_messer" ] || fail "zsh compinit did not register _messer: '$found'"
  zsh -n "$zsh_file" || fail "the zsh completion does not parse"
fi

# Installing again replaces the links and scripts.
run "$MESSER" install --prefix "$prefix"
expect_status 0

# The default prefix is ~/.local.
run "$MESSER" install
expect_status 0
[ -L "$HOME/.local/bin/messer" ] || fail "no link in ~/.local/bin"
[ -s "$HOME/.local/share/bash-completion/completions/messer" ] || fail "no bash completion under ~/.local"
[ -s "$HOME/.local/share/zsh/site-functions/_messer" ] || fail "no zsh completion under ~/.local"

# Errors
run "$MESSER" install --prefix
expect_status 2
expect_one_line_err
expect_err_contains "usage: messer install [--prefix DIR]"
run "$MESSER" install --force
expect_status 2
expect_one_line_err
mkdir -p "$SANDBOX/taken/bin"
echo "someone else's" >"$SANDBOX/taken/bin/messer"
run "$MESSER" install --prefix "$SANDBOX/taken"
expect_status 1
expect_one_line_err
expect_err_contains "exists and is not a link"
[ "$(cat "$SANDBOX/taken/bin/messer")" = "someone else's" ] || fail "install replaced an existing file"

# A link planted at the name of an old temporary file leads nowhere: the scripts go through new
# files of random names, and the link's target stays as it was.
echo "precious" >"$SANDBOX/victim"
mkdir -p "$SANDBOX/planted/share/bash-completion/completions" "$SANDBOX/planted/share/zsh/site-functions"
ln -s "$SANDBOX/victim" "$SANDBOX/planted/share/bash-completion/completions/messer.tmp"
ln -s "$SANDBOX/victim" "$SANDBOX/planted/share/zsh/site-functions/_messer.tmp"
run "$MESSER" install --prefix "$SANDBOX/planted"
expect_status 0
[ "$(cat "$SANDBOX/victim")" = "precious" ] || fail "install wrote through a planted link"
for file in bash-completion/completions/messer zsh/site-functions/_messer; do
  [ -f "$SANDBOX/planted/share/$file" ] && [ ! -L "$SANDBOX/planted/share/$file" ] || fail "$file is not a regular file"
  [ "$(stat -c %a "$SANDBOX/planted/share/$file")" = 644 ] || fail "$file is not mode 644"
done
leftovers="$(find "$SANDBOX/planted" -name '.*messer.*')"
[ -z "$leftovers" ] || fail "temporary files were left: $leftovers"

# Files at the names the install writes that are not messer's own are refused, naming the file,
# before anything is written: a foreign completion script, a link in its place, a link to another
# program at bin/messer.
expect_refused() {
  expect_status 1
  expect_one_line_err
  expect_err_contains "$1"
  expect_err_contains "move it away or choose another folder with --prefix"
  [ "$(cat "$SANDBOX/victim")" = "precious" ] || fail "install wrote through a planted link"
}
mkdir -p "$SANDBOX/foreign/share/bash-completion/completions"
echo "complete -F _other messer" >"$SANDBOX/foreign/share/bash-completion/completions/messer"
run "$MESSER" install --prefix "$SANDBOX/foreign"
expect_refused "$SANDBOX/foreign/share/bash-completion/completions/messer exists and is not a completion script of messer"
[ "$(cat "$SANDBOX/foreign/share/bash-completion/completions/messer")" = "complete -F _other messer" ] ||
  fail "install replaced a foreign completion script"
[ ! -e "$SANDBOX/foreign/bin/messer" ] || fail "install went on after a refusal"
mkdir -p "$SANDBOX/linked/share/zsh/site-functions"
ln -s "$SANDBOX/victim" "$SANDBOX/linked/share/zsh/site-functions/_messer"
run "$MESSER" install --prefix "$SANDBOX/linked"
expect_refused "$SANDBOX/linked/share/zsh/site-functions/_messer exists and is not a completion script of messer"
[ "$(readlink "$SANDBOX/linked/share/zsh/site-functions/_messer")" = "$SANDBOX/victim" ] || fail "the link was replaced"
mkdir -p "$SANDBOX/other/bin"
ln -s /bin/true "$SANDBOX/other/bin/messer"
run "$MESSER" install --prefix "$SANDBOX/other"
expect_refused "$SANDBOX/other/bin/messer is a link to /bin/true, not to a messer launcher"
[ "$(readlink "$SANDBOX/other/bin/messer")" = /bin/true ] || fail "install replaced a foreign link"

# The bundle's layout (the launcher beside runtime/ and lib/) also links the man page. An existing
# messer.1 that is not messer's link is refused and left as it is; without it, the link is made.
layout="$SANDBOX/layout"
mkdir -p "$layout/bin" "$layout/runtime/bin" "$layout/lib" "$layout/share/bash-completion/completions" \
  "$layout/share/zsh/site-functions" "$layout/share/man/man1"
cp "$REPO/bin/messer" "$layout/bin/messer"
mkdir "$layout/bin/lib"
cp "$REPO/bin/lib/exec-handoff.sh" "$layout/bin/lib/exec-handoff.sh"
ln -s "$(command -v "${MESSER_JAVA:-java}")" "$layout/runtime/bin/java"
ln -s "$REPO/target/messer.jar" "$layout/lib/messer.jar"
"$MESSER" completion bash >"$layout/share/bash-completion/completions/messer"
"$MESSER" completion zsh >"$layout/share/zsh/site-functions/_messer"
"${MESSER_JAVA:-java}" -cp "$REPO/target/messer.jar" dev.messer.cli.ManPage 0.0.0 >"$layout/share/man/man1/messer.1"
mkdir -p "$SANDBOX/man/share/man/man1"
echo "someone else's page" >"$SANDBOX/man/share/man/man1/messer.1"
run "$layout/bin/messer" install --prefix "$SANDBOX/man"
expect_refused "$SANDBOX/man/share/man/man1/messer.1 exists and is not a link"
[ "$(cat "$SANDBOX/man/share/man/man1/messer.1")" = "someone else's page" ] || fail "install replaced a man page"
[ ! -e "$SANDBOX/man/bin/messer" ] || fail "install went on after a refusal"
rm "$SANDBOX/man/share/man/man1/messer.1"
run "$layout/bin/messer" install --prefix "$SANDBOX/man"
expect_status 0
[ "$(readlink "$SANDBOX/man/share/man/man1/messer.1")" = "$layout/share/man/man1/messer.1" ] || fail "no man page link"
run "$layout/bin/messer" install --prefix "$SANDBOX/man"
expect_status 0
