# Sourced by scripts/install.sh and scripts/test: find what this machine lacks and install it through apt after
# one question (or at once with --yes), else print the one exact command and exit 69. POSIX sh; no tools beyond
# Debian's minbase.

# A Java of 17 or later: the one Maven runs on (JAVA_HOME, else java on PATH). With "compiler", it must also be
# able to compile (Maven's compiler plugin uses the jdk.compiler module, which Debian's JREs also ship).
# The user's Java options are left out of the question: a JDK is there whatever they say (-Xmx1m, a typo).
need_java_ok() {
    need_java=${JAVA_HOME:+$JAVA_HOME/bin/}java
    need_version=$(unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS; "$need_java" -XshowSettings:properties \
        -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p')
    [ -n "$need_version" ] && [ "$need_version" -ge 17 ] || return 1
    [ "${1:-}" != compiler ] || (unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
        "$need_java" --list-modules 2>/dev/null) | grep -q '^jdk\.compiler@'
}

# The JDK package to install: 17 where the distribution has it (Debian 12, Ubuntu 24.04), else a newer one.
need_jdk_package() {
    for need_package in openjdk-17-jdk-headless openjdk-21-jdk-headless openjdk-25-jdk-headless; do
        if apt-cache show "$need_package" >/dev/null 2>&1; then
            echo "$need_package"
            return
        fi
    done
    echo openjdk-17-jdk-headless
}

# need_check_java [compiler]: a Java as need_java_ok wants, else the JDK package joins $need_missing.
need_check_java() {
    if ! need_java_ok "$@" >/dev/null 2>&1; then
        need_missing="${need_missing:+$need_missing }$(need_jdk_package)"
    fi
}

# need_check PACKAGE CHECK...: runs CHECK quietly; when it fails, PACKAGE joins $need_missing.
need_missing=
need_check() {
    need_package=$1
    shift
    if ! "$@" >/dev/null 2>&1; then
        need_missing="${need_missing:+$need_missing }$need_package"
    fi
}

# need_install PROGRAM YES RECHECK: installs $need_missing (after one question unless YES is 1), then runs the
# function RECHECK, which must leave $need_missing empty. Returns at once when nothing is missing.
need_install() {
    need_program=$1 need_yes=$2 need_recheck=$3
    [ -n "$need_missing" ] || return 0
    need_sudo=
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1; then
            need_sudo="sudo "
        else
            need_sudo="su -c "
        fi
    fi
    need_apt="apt-get update && apt-get install -y --no-install-recommends $need_missing"
    case $need_sudo in
        "sudo ") need_apt="sudo apt-get update && sudo apt-get install -y --no-install-recommends $need_missing" ;;
        "su -c ") need_apt="su -c '$need_apt'" ;;
    esac
    echo "$need_program: missing: $need_missing"
    if ! command -v apt-get >/dev/null 2>&1; then
        echo "$need_program: install them with your package manager (these are Debian's names), then run this again" >&2
        exit 69
    fi
    if [ "$need_yes" != 1 ]; then
        if [ -t 0 ] && [ "$need_sudo" != "su -c " ]; then
            printf '%s: install them now with `%s`? [y/N] ' "$need_program" "$need_apt"
            read -r need_answer || need_answer=
            case $need_answer in
                y|Y|yes|YES|Yes) ;;
                *) echo "$need_program: nothing installed; to install them yourself:" >&2
                   echo "  $need_apt" >&2
                   exit 69 ;;
            esac
        else
            echo "$need_program: install them with (or run this again with --yes):" >&2
            echo "  $need_apt" >&2
            exit 69
        fi
    fi
    if [ "$need_sudo" = "su -c " ]; then
        echo "$need_program: not root and no sudo; as root, run:" >&2
        echo "  $need_apt" >&2
        exit 69
    fi
    echo "$need_program: running $need_apt"
    ${need_sudo}apt-get update -qq || exit 69
    # env inside sudo: sudo would drop DEBIAN_FRONTEND from our environment.
    ${need_sudo}env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need_missing \
        >/dev/null || exit 69
    need_missing=
    "$need_recheck"
    if [ -n "$need_missing" ]; then
        echo "$need_program: still missing after apt-get: $need_missing (check PATH, and JAVA_HOME for a JDK)" >&2
        exit 69
    fi
}
