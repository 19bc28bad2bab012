# Sourced by bin/bundle: which JDK makes the release bundle's runtime. (bin/messer uses
# feature_version to check the java of a checkout.)
#
# find_jdk WANTED RUNNING: prints the JDK to use. WANTED (MESSER_BUNDLE_JDK or -Dbundle.jdk) wins
# when set, and must be a JDK with jlink. Otherwise the newest of: JAVA_HOME, the running JDK
# (RUNNING), the JDKs of the Maven toolchains file (MESSER_TOOLCHAINS, else
# ~/.m2/toolchains.xml: every <jdkHome>), and the JDKs in the usual folders (/usr/lib/jvm,
# /usr/java, /opt/java, /opt/*jdk*, SDKMAN's and ~/.jdks). Ties go to the earlier in that list.
# Prints a one-line reason on stderr and returns 1 when there is none.

# feature_version DIR: the feature version of the Java at DIR, from its release file (0 when it has
# none): JAVA_VERSION="17.0.15" is 17, and the older form "1.8.0_292" is 8.
feature_version() {
  local line v=""
  if [ -r "$1/release" ]; then
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) v="${line#JAVA_VERSION=\"}"; break ;;
      esac
    done <"$1/release"
  fi
  case "$v" in 1.*) v="${v#1.}" ;; esac
  v="${v%%[!0-9]*}"
  echo "${v:-0}"
}

is_jdk() { [ -x "$1/bin/jlink" ] && [ -x "$1/bin/jdeps" ] && [ -x "$1/bin/java" ]; }

# toolchain_jdks: the <jdkHome> folders of the Maven toolchains file, one per line.
toolchain_jdks() {
  local file="${MESSER_TOOLCHAINS:-$HOME/.m2/toolchains.xml}"
  [ -f "$file" ] || return 0
  tr -d '\r' <"$file" | sed -n 's:.*<jdkHome>[[:space:]]*\([^<]*[^<[:space:]]\)[[:space:]]*</jdkHome>.*:\1:p'
}

find_jdk() {
  local wanted="$1" running="$2"
  if [ -n "$wanted" ]; then
    is_jdk "$wanted" || { echo "bundle: '$wanted' (MESSER_BUNDLE_JDK or -Dbundle.jdk) is not a JDK with jlink" >&2; return 1; }
    echo "$wanted"
    return 0
  fi
  local best="" best_major=0 dir m candidates=()
  candidates=("${JAVA_HOME:-}" "$running")
  while IFS= read -r dir; do candidates+=("$dir"); done < <(toolchain_jdks)
  candidates+=(/usr/lib/jvm/* /usr/java/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/* "$HOME"/.jdks/*)
  for dir in "${candidates[@]}"; do
    [ -n "$dir" ] && [ -d "$dir" ] && is_jdk "$dir" || continue
    m="$(feature_version "$dir")"
    if [ "$m" -gt "$best_major" ]; then
      best="$dir"
      best_major="$m"
    fi
  done
  if [ -z "$best" ]; then
    echo "bundle: no JDK with jlink found; set MESSER_BUNDLE_JDK to one" >&2
    return 1
  fi
  echo "$best"
}
