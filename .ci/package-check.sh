#!/usr/bin/env bash
# The installed package, as a user gets it: builds the .deb (./mvnw -Ppackage), installs it with apt-get
# (root, or sudo), then runs the installed launcher as an unprivileged user (`nobody` when run as root)
# with a fresh HOME and temporary folder: --version prints the pom's version, --help, the demo's quick
# suite, an unknown command's exit code, a secret stored, read and removed in a throwaway gnome-keyring, and
# the demo window under Xvfb (screenshot, not one flat colour, no JDK warning in its output).
# Afterwards: nothing was written in the install folder (read-only for that user anyway), nothing in
# ~/.openjfx, no native library unpacked in the temporary folder.
# Usage: .ci/package-check.sh [--no-build]     (needs xvfb-run and imagemagick's import and convert)
set -euo pipefail
cd "$(dirname "$0")/.."
started=$SECONDS
install=/opt/rollout-control-room
launcher=$install/bin/rollout-control-room
out=target/package-check
fail() { echo "package-check: FAILED, $*" >&2; exit 1; }

# the package ships the runtime of the JDK that builds it: JDK 25 (the ahead-of-time cache) where this machine has
# one (PACKAGING_JDK, else Debian's JDK folder), said either way
packaging_jdk=${PACKAGING_JDK:-$(ls -d /usr/lib/jvm/temurin-25* /usr/lib/jvm/*-25-* 2>/dev/null | head -n 1 || true)}
if [ -n "$packaging_jdk" ]; then
  echo "package-check: packaging with the JDK in $packaging_jdk"
else
  echo "package-check: NO JDK 25 on this machine: packaging with $(java -version 2>&1 | head -n 1) (the slower start)" >&2
fi
if [ "${1:-}" != --no-build ]; then
  # gzip, not xz: the .deb builds in seconds instead of minutes (it is 15 MB larger)
  env ${packaging_jdk:+JAVA_HOME="$packaging_jdk"} DPKG_DEB_COMPRESSOR_TYPE=${DPKG_DEB_COMPRESSOR_TYPE:-gzip} \
    ./mvnw -B -q -Ppackage -DskipTests package
fi
version=$(sed -n 's/^version=//p' target/classes/control-room.properties)
deb=$(ls target/jpackage/rollout-control-room_"$version"-1_*.deb)
sudo=(); [ "$(id -u)" = 0 ] || sudo=(sudo)
"${sudo[@]+"${sudo[@]}"}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "./$deb" >/dev/null
built=$SECONDS

rm -rf "$out" && mkdir -p "$out"
home=$(mktemp -d)
mkdir -p "$home/tmp"
as_user=()
if [ "$(id -u)" = 0 ]; then chown -R nobody "$home"; as_user=(runuser -u nobody --); fi
touch "$home/before"
# HOME, the data folder and java.io.tmpdir all fresh, so whatever the app writes shows below
run() {
  ${as_user[@]+"${as_user[@]}"} env HOME="$home" CONTROL_ROOM_HOME="$home/data" \
    JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$home/tmp" "$@"
}

# the command on the PATH is the installed launcher; stdout, stderr and exit codes pass through
[ "$(readlink -f /usr/bin/rollout-control-room)" = "$launcher" ] || fail "/usr/bin/rollout-control-room is not the launcher"
first=$(run rollout-control-room --version 2>/dev/null | sed -n 1p)
[ "$first" = "Rollout Control Room $version" ] || fail "--version printed '$first', not the pom's $version"
run "$launcher" --help 2>/dev/null | grep '^Usage: control-room' >/dev/null || fail "--help printed no usage"
# the launcher asks no package manager which package owns it (jpackage's native one ran dpkg -S and dpkg -L on
# every start, 0.3 s): a dpkg and an rpm first on the PATH would leave a mark
spy=$(mktemp -d)
for tool in dpkg rpm; do printf '#!/bin/sh\ntouch "%s/asked-$(basename "$0")"\nexit 1\n' "$spy" >"$spy/$tool"; chmod 0755 "$spy/$tool"; done
chmod 0777 "$spy"
run env PATH="$spy:$PATH" "$launcher" --version >/dev/null 2>&1 || fail "--version failed with a PATH that starts with $spy"
[ -z "$(ls "$spy" | grep asked-)" ] || fail "the launcher asked a package manager: $(ls "$spy" | grep asked-)"
rm -rf "$spy"
if [ -f "$install/lib/app/control-room.aot" ]; then
  # JDK 25+: the ahead-of-time cache made at packaging holds where the jars are installed; AOTMode=on refuses
  # to start unless it maps
  run env JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$home/tmp -XX:AOTMode=on" "$launcher" --version >/dev/null 2>&1 \
    || fail "the launcher does not map the app's ahead-of-time cache"
else
  # JDK 17: postinst archived the installed jars; -Xshare:on refuses to start unless it maps
  [ -z "$packaging_jdk" ] || fail "a package built with $packaging_jdk carries no ahead-of-time cache"
  [ -f "$install/lib/app/control-room.jsa" ] || fail "postinst made no class-data-sharing archive"
  ${as_user[@]+"${as_user[@]}"} env HOME="$home" CONTROL_ROOM_HOME="$home/data" \
    JAVA_TOOL_OPTIONS="-Djava.io.tmpdir=$home/tmp -Xshare:on -Xlog:class+load=info" "$launcher" --version 2>/dev/null \
    | grep -q 'com.rolloutcontrolroom.Main source: shared objects file' || fail "the launcher does not map the app's archive"
fi
# no warning on a start (JDK 25 would print native-access and Unsafe ones unless the launcher allows them)
${as_user[@]+"${as_user[@]}"} env HOME="$home" CONTROL_ROOM_HOME="$home/data" "$launcher" --version 2>"$out/version.err" >/dev/null
[ ! -s "$out/version.err" ] || { cat "$out/version.err" >&2; fail "--version printed on stderr"; }
set +e
run "$launcher" no-such-command >/dev/null 2>"$out/unknown.err"; unknown=$?
run "$launcher" run --env demo --suite quick >"$out/run.out" 2>"$out/run.err"; suite=$?
set -e
[ $unknown = 2 ] && grep -q "Unknown command 'no-such-command'" "$out/unknown.err" \
  || fail "an unknown command exited $unknown (want 2 and its sentence on stderr)"
[ $suite = 0 ] || { cat "$out/run.err" >&2; fail "run --env demo --suite quick exited $suite"; }
grep -q metric_success_rate "$out/run.out" || fail "run printed no suite results"

# the OS keychain from the installed runtime (its jlinked modules must hold what the D-Bus client needs): a
# throwaway gnome-keyring on a private session bus; a token stored, seen, removed
run env XDG_DATA_HOME="$home/keyring" dbus-run-session -- bash -c '
  eval "$(printf %s package-check | gnome-keyring-daemon --unlock --components=secrets)"
  export GNOME_KEYRING_CONTROL
  printf "package-check-token\n" | "$0" deploy-token set >/dev/null &&
  "$0" deploy-token status | grep -q "is stored" &&
  "$0" deploy-token remove >/dev/null' "$launcher" >"$out/keychain.log" 2>&1 \
  || { grep -v dbus-daemon "$out/keychain.log" >&2; fail "the installed launcher could not store, read and remove a secret in the OS keychain"; }

# the demo window under Xvfb
run xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  "$0" --demo >"$HOME/app.log" 2>&1 & pid=$!
  sleep 25
  if ! kill -0 $pid 2>/dev/null; then echo "the app exited before the screenshot"; exit 3; fi
  import -window root "$HOME/demo-window.png"
  kill $pid; wait $pid 2>/dev/null
  exit 0' "$launcher" || { tail -n 40 "$home/app.log" >&2; fail "the demo window did not run"; }
cp "$home/demo-window.png" "$out/"
if grep -E "WARNING: (A restricted method|A terminally deprecated method|Use --enable-native-access)" "$home/app.log" >&2; then
  fail "the window's start printed the JDK's warnings above"
fi
sd=$(convert "$out/demo-window.png" -colorspace Gray -format '%[fx:standard_deviation]' info:)
awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }' || fail "$out/demo-window.png is one flat colour (sd=$sd)"
sleep 3
if pgrep -f "$home/data" >/dev/null; then fail "a process still runs on the demo data folder: $(pgrep -fa "$home/data")"; fi

# native code only under the app's own folders; the install folder untouched
written=$(find "$install" -newer "$home/before" | head)
[ -z "$written" ] || fail "the app wrote into its install folder: $written"
[ ! -e "$home/.openjfx" ] || fail "JavaFX unpacked its libraries into ~/.openjfx"
unpacked=$(find "$home/tmp" \( -name '*.so' -o -name 'sqlite-*' -o -name 'jna*' -o -name 'embedded-pg' \) | head)
[ -z "$unpacked" ] || fail "native code unpacked in the temporary folder: $unpacked"
find "$home/data/cache" -maxdepth 1 -mindepth 1 -printf '%f\n' | sort >"$out/cache-folders.txt"

echo "package-check: $deb installed; --version $version, demo suite exit 0, window drawn (sd=$sd) as $(run id -un);"
echo "package-check: nothing written in $install, ~/.openjfx or the temporary folder; data-folder cache holds: $(paste -sd' ' "$out/cache-folders.txt")"
echo "package-check: build+install $((built - started)) s, checks $((SECONDS - built)) s"
rm -rf "$home"
