#!/bin/sh
# Builds safepip and installs it for this user:
#   $PREFIX/bin/safepip                 the launcher
#   $PREFIX/lib/safepip/safepip.jar     the program
# PREFIX defaults to ~/.local. --no-build installs the jar already in target/. A missing JDK (17 or later) or Maven
# is installed through apt after one question (--yes: without asking); else the exact command is printed (exit 69).
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
. "$root/scripts/need.sh"
prefix=${PREFIX:-$HOME/.local}
build=1
yes=0
for arg in "$@"; do
    case $arg in
        --no-build) build=0 ;;
        --yes) yes=1 ;;
        -h|--help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 64 ;;
    esac
done

# What building (a JDK and Maven) or only running (a Java) needs.
prerequisites() {
    need_missing=
    if [ "$build" = 1 ]; then
        need_check_java compiler
        need_check maven command -v mvn
    else
        need_check_java
    fi
}
prerequisites
need_install install.sh "$yes" prerequisites

if [ "$build" = 1 ]; then
    echo "Building safepip with Maven…"
    (cd "$root" && mvn -B -q -ntp -Dstyle.color=never -DskipTests package)
fi
if [ ! -f "$root/target/safepip.jar" ]; then
    echo "install.sh: $root/target/safepip.jar is missing; run without --no-build" >&2
    exit 69
fi

mkdir -p "$prefix/bin" "$prefix/lib/safepip"
# Copy beside the target, then rename: a safepip running meanwhile never sees half a file.
cp "$root/target/safepip.jar" "$prefix/lib/safepip/.safepip.jar.new"
mv -f "$prefix/lib/safepip/.safepip.jar.new" "$prefix/lib/safepip/safepip.jar"
cp "$root/scripts/safepip" "$prefix/bin/.safepip.new"
chmod 755 "$prefix/bin/.safepip.new"
mv -f "$prefix/bin/.safepip.new" "$prefix/bin/safepip"

# The launcher finds the version beside the jar, to pick the archive made for this safepip: Maven's version and
# the jar's checksum (cksum is in every Debian), so that two builds of one version never share an archive.
version=$(sed -n 's/^version=//p' "$root/target/classes/dev/safepip/version.properties" 2>/dev/null || true)
version=${version:+$version-}$(cksum < "$prefix/lib/safepip/safepip.jar" | cut -d' ' -f1)
printf '%s\n' "$version" > "$prefix/lib/safepip/.version.new"
mv -f "$prefix/lib/safepip/.version.new" "$prefix/lib/safepip/version"

# A class-data archive (JDK 17-24) or AOT cache (JDK 25+) for the JVM the launcher picks, made by one training
# run of the pass-through path: the start of every pip call gets cheaper. safepip works the same without it.
info=$(SAFEPIP_LAUNCHER_INFO=1 "$prefix/bin/safepip")
java=$(printf '%s\n' "$info" | sed -n 's/^java=//p')
jdk=$(printf '%s\n' "$info" | sed -n 's/^jdk=//p')
archive=$(printf '%s\n' "$info" | sed -n 's/^archive=//p')
beside=$(printf '%s\n' "$info" | sed -n 's/^beside=//p')
# Archives of other safepip builds in a folder are never used again: one per build would pile up. (A pattern that
# matched nothing stays as it is written, 'safepip-*…', and is left alone.)
remove_other_builds() {
    for old in "$1"/safepip-*-jdk*.jsa "$1"/safepip-*-jdk*.aot; do
        case ${old##*/} in
            "safepip-$version-jdk"*|'safepip-*'*) ;;
            *) rm -f "$old" ;;
        esac
    done
}
if [ -n "$archive" ] && [ "${SAFEPIP_NO_ARCHIVE:-}" != 1 ]; then
    # The archive folder is made 0700: the launcher maps what it finds there into every safepip JVM.
    (umask 077 && mkdir -p "$(dirname "$archive")")
    rm -f "$archive"
    case ${jdk%%[.+-]*} in
        # Made as the launcher maps it (see its ArchiveRelocationMode): at the archives' own addresses.
        17|18|19|20|21|22|23|24)
            make="-XX:ArchiveClassesAtExit=$archive -XX:+UnlockDiagnosticVMOptions -XX:ArchiveRelocationMode=0" ;;
        *) make="-XX:AOTCacheOutput=$archive" ;;
    esac
    training=$(mktemp -d)
    # Without the user's Java options, as the launcher starts the JVM: they could break the training run, or make
    # an archive that the launcher's JVM, started without them, would not use.
    if (unset JAVA_TOOL_OPTIONS JDK_JAVA_OPTIONS _JAVA_OPTIONS
        SAFEPIP_PIP=/bin/true exec "$java" $make -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData \
        -Xlog:disable -Xlog:all=off -Dsafepip.launcher="$prefix/bin/safepip" -Dsafepip.tty=000 \
        -Dsafepip.training="$training" -cp "$prefix/lib/safepip/safepip.jar" dev.safepip.Main --version \
        >/dev/null 2>&1) \
        && [ -f "$archive" ]; then
        rm -rf "$training"
        echo "Made a startup archive for Java $jdk: $archive"
        # A copy beside the jar, for a new HOME and every other user of this install (the launcher's second
        # choice): copied beside its place, then renamed, so that no JVM maps half a file.
        if [ -n "$beside" ] && cp "$archive" "$beside.new" 2>/dev/null && chmod 644 "$beside.new" \
            && mv -f "$beside.new" "$beside"; then
            remove_other_builds "$(dirname "$beside")"
        else
            rm -f "$beside.new"
        fi
        remove_other_builds "$(dirname "$archive")"
    else
        rm -rf "$archive" "$training"
        echo "Note: no startup archive for Java $jdk (safepip works the same, a little slower to start)"
    fi
fi

echo "Installed $prefix/bin/safepip"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Note: $prefix/bin is not on your PATH; add it, e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
echo "Next steps:"
echo "  safepip doctor                 # what safepip sees on this machine"
echo "  safepip install <package>      # use it as you would use pip"
echo "  eval \"\$(safepip init bash)\"    # in ~/.bashrc (or zsh; fish: safepip init fish | source):"
echo "                                 # pip install/uninstall go through safepip, all else straight to pip"
