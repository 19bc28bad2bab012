# Sourced by bin/bundle: which JDK modules the bundle's runtime holds.
#
# jdeps lists every module that some class of the jar names. A few are named only by parts of the
# libraries that messer never runs, and are left out, each for the reason below. The JVM loads a
# class when running code first needs it, and resolves a reference only when the code that holds it
# runs, so a module named only by code that never runs is never asked for. Every scenario passed on
# a runtime without these modules; in the class-load log of those runs, the only classes naming one
# of them are Gson's, which look for java.sql before they use it (docs/performance.md, "What the
# bundle is"). messer's own classes must name none of them: runtime_modules checks that with jdeps.
#
# Left out: module: the classes that name it, and why messer never runs them.
#   java.desktop:  ini4j's bean mapping (org.ini4j.spi.BeanTool, AbstractBeanInvocationHandler use
#                  java.beans), reached only through ini4j's typed getters and its as/from/to bean
#                  methods; messer reads and writes options as strings (config/IniFile). The module
#                  was a third of the runtime: 18 MB of the modules file and 6 MB of native
#                  libraries (AWT, fonts, images, sound).
#   java.prefs:    ini4j's java.util.prefs back end (org.ini4j.IniPreferences*), unused.
#   java.sql:      Gson's java.sql.Date/Time/Timestamp adapters (com.google.gson.internal.sql), which
#                  Gson registers only when Class.forName finds java.sql, and Bouncy Castle's LDAP
#                  certificate store helper (org.bouncycastle.x509.util.LDAPStoreHelper), unused.
#   java.compiler: Error Prone's annotations (a Gson dependency) name javax.lang.model in two
#                  annotation types that only compilers read.
RUNTIME_MODULES_LEFT_OUT="java.desktop java.prefs java.sql java.compiler"

# Modules jdeps cannot see: security providers, loaded as services. jdk.crypto.ec holds the
# elliptic curves of TLS key exchange and certificates (part of java.base since JDK 22, where the
# module is kept empty for compatibility).
RUNTIME_MODULES_EXTRA="jdk.crypto.ec"

# list_deps JDK MAJOR JAR [JDEPS-OPTION...]: the modules the classes of JAR name, one a line.
list_deps() {
  local jdk="$1" major="$2" jar="$3"
  shift 3
  "$jdk/bin/jdeps" --multi-release "$major" --ignore-missing-deps --list-deps "$@" "$jar" |
    sed -e 's/^[[:space:]]*//' -e 's:/.*::' -e '/^$/d' | sort -u
}

# runtime_modules JDK MAJOR JAR: prints the modules for jlink, comma-separated. Fails, naming the
# module, when messer's own classes need one of those left out.
runtime_modules() {
  local jdk="$1" major="$2" jar="$3" module own kept=() all
  own="$(list_deps "$jdk" "$major" "$jar" -include 'dev\.messer\..*')" || return 1
  for module in $RUNTIME_MODULES_LEFT_OUT; do
    if grep -qx "$module" <<<"$own"; then
      echo "bundle: messer's own classes use $module, which bin/lib/runtime-modules.sh leaves out; take it off RUNTIME_MODULES_LEFT_OUT" >&2
      return 1
    fi
  done
  all="$(list_deps "$jdk" "$major" "$jar")" || return 1
  while IFS= read -r module; do
    case " $RUNTIME_MODULES_LEFT_OUT " in
      *" $module "*) ;;
      *) kept+=("$module") ;;
    esac
  done <<<"$all"
  for module in $RUNTIME_MODULES_EXTRA; do
    "$jdk/bin/java" --list-modules 2>/dev/null | grep -q "^$module@" && kept+=("$module")
  done
  local IFS=,
  echo "${kept[*]}"
}
