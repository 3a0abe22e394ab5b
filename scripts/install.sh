#!/bin/sh
# Builds safepip and installs it for this user:
#   $PREFIX/bin/safepip                 the launcher
#   $PREFIX/lib/safepip/safepip.jar     the program
# PREFIX defaults to ~/.local. --no-build installs the jar already in target/.
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
prefix=${PREFIX:-$HOME/.local}
build=1
for arg in "$@"; do
    case $arg in
        --no-build) build=0 ;;
        -h|--help) sed -n '2,5p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 64 ;;
    esac
done

if [ "$build" = 1 ]; then
    echo "Building safepip with Maven…"
    (cd "$root" && mvn -B -q -ntp -DskipTests package)
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

echo "Installed $prefix/bin/safepip"
case ":$PATH:" in
    *":$prefix/bin:"*) ;;
    *) echo "Note: $prefix/bin is not on your PATH; add it, e.g. in ~/.profile: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac
echo "Next steps:"
echo "  safepip doctor                 # what safepip sees on this machine"
echo "  safepip install <package>      # use it as you would use pip"
echo "  alias pip=safepip              # optional, in ~/.bashrc"
