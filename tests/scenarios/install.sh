# 'messer install' puts messer on the PATH (a link to this launcher) and installs bash and zsh
# completion under the prefix, printing what it did; completion then works for 'messer' and for
# 'bin/messer'. Bad arguments are usage errors, and an existing file is never replaced.
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
