#!/usr/bin/env bash
# Builds the app-image and this OS's installer with jpackage from the Maven build. Run by
#   ./mvnw -Ppackage -DskipTests package
# which first copies the runtime class path to target/jpackage-deps. Options (the profile passes them):
#   --type deb|dmg|msi|app-image   --version X.Y.Z   --description TEXT
# Linux: target/jpackage/rollout-control-room (app-image) and rollout-control-room_<version>_<arch>.deb;
# macOS: "Rollout Control Room.app" and the .dmg; Windows: "Rollout Control Room" and the .msi (WiX 3 on PATH).
# The app-image carries its own Java runtime (jlinked here, with JavaFX), JavaFX's and SQLite's and JNA's
# native libraries already unpacked, and this platform's PostgreSQL binaries only; see packaging/README.md.
set -euo pipefail
cd "$(dirname "$0")/../.."

type=app-image version="" description="Desktop control room for staged feature-flag rollouts."
while [ $# -gt 0 ]; do
  case "$1" in
    --type) type=$2; shift 2 ;;
    --version) version=$2; shift 2 ;;
    --description) description=$2; shift 2 ;;
    *) echo "build.sh: unknown option $1" >&2; exit 2 ;;
  esac
done
[ -n "$version" ] || version=$(sed -n 's/^version=//p' target/classes/control-room.properties)

# the JDK that packages, and whose runtime ships: $JAVA_HOME's if set, else the one on the PATH. JDK 25 or newer
# ships with an ahead-of-time cache of the app (classes loaded and linked, from a recorded start); older ones
# with class-data sharing archived at install time (see below and packaging/README.md)
jdk_bin=${JAVA_HOME:+$JAVA_HOME/bin/}
jdk_major=$("${jdk_bin}jlink" --version | cut -d. -f1)
[ "$jdk_major" -ge 17 ] || { echo "build.sh: jlink $jdk_major is too old; JDK 17 or newer, 25 for the fastest start" >&2; exit 2; }
jlink() { command "${jdk_bin}jlink" "$@"; }
jpackage() { command "${jdk_bin}jpackage" "$@"; }
jar() { command "${jdk_bin}jar" "$@"; }
if [ "$jdk_major" -lt 25 ]; then
  echo "build.sh: packaging with JDK $jdk_major; with JDK 25 or newer (JAVA_HOME) its window would open in about half the time" >&2
fi

deps=target/jpackage-deps
out=target/jpackage
vendor="Rollout Control Room"
[ -d "$deps" ] || { echo "build.sh: $deps is missing; run ./mvnw -Ppackage -DskipTests package" >&2; exit 2; }

case "$(uname -s)" in
  Linux) os=linux ;;
  Darwin) os=mac ;;
  MINGW*|MSYS*|CYGWIN*) os=windows ;;
  *) echo "build.sh: unsupported OS $(uname -s)" >&2; exit 2 ;;
esac
case "$(uname -m)" in
  x86_64|amd64) arch=x86_64 ;;
  aarch64|arm64) arch=aarch64 ;;
  *) echo "build.sh: unsupported architecture $(uname -m)" >&2; exit 2 ;;
esac
case "$os" in
  # the launcher's name: a command on Linux, the app's name where the desktop shows it
  linux) name=rollout-control-room; sqlite_dir=Linux; sqlite_lib=libsqlitejdbc.so; jna_dir=linux-${arch/x86_64/x86-64}; jna_lib=libjnidispatch.so; runtime_libs=lib ;;
  mac) name="Rollout Control Room"; sqlite_dir=Mac; sqlite_lib=libsqlitejdbc.dylib; jna_dir=darwin-${arch/x86_64/x86-64}; jna_lib=libjnidispatch.jnilib; runtime_libs=lib ;;
  windows) name="Rollout Control Room"; sqlite_dir=Windows; sqlite_lib=sqlitejdbc.dll; jna_dir=win32-${arch/x86_64/x86-64}; jna_lib=jnidispatch.dll; runtime_libs=bin ;;
esac

# each package carries its own platform's PostgreSQL binaries and no other's
bundles=$(ls "$deps" | grep -c '^embedded-postgres-binaries-' || true)
if [ "$bundles" != 1 ]; then
  echo "build.sh: $deps holds $bundles embedded-postgres-binaries jars, not 1; run ./mvnw clean first" >&2; exit 2
fi

rm -rf "$out" && mkdir -p "$out/input/native" "$out/modules" "$out/unpack"

# JavaFX: the jars with this platform's classifier are modules with their natives; the classifier-less
# javafx jars are empty placeholders (no module-info.class) and stay out
for jar in "$deps"/javafx-*.jar; do
  # grep reads it all (no -q): with pipefail, jar stopped by a closed pipe would count as no match
  if jar tf "$jar" | grep -x module-info.class >/dev/null; then cp "$jar" "$out/modules/"; fi
done
for jar in "$deps"/*.jar; do
  case "$(basename "$jar")" in javafx-*) ;; *) cp "$jar" "$out/input/" ;; esac
done
cp target/original-control-room.jar "$out/input/control-room.jar"

# the runtime: jlinked here (not by jpackage) so that bin/java stays for the class-data-sharing archive. The
# keychain's D-Bus client (dbus-java) needs jdk.security.auth (the user's uid) and jdk.net (peer credentials of
# the Unix socket); without them no keychain is found (.ci/package-check.sh stores a secret through it)
jlink --module-path "$out/modules" \
  --add-modules javafx.controls,javafx.fxml,javafx.swing,java.se,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata,jdk.security.auth,jdk.net \
  --strip-debug --no-header-files --no-man-pages --output "$out/runtime"

# JavaFX's natives next to its jlinked modules: its loader looks in the runtime's lib (bin on Windows)
# before it would unpack them into ~/.openjfx
for jar in "$out"/modules/javafx-*.jar; do
  (cd "$out/unpack" && jar xf "../modules/$(basename "$jar")")
done
find "$out/unpack" -maxdepth 1 -type f \( -name '*.so' -o -name '*.dylib' -o -name '*.dll' \) -exec cp {} "$out/runtime/$runtime_libs/" \;
rm -rf "$out/unpack" && mkdir -p "$out/unpack"

# SQLite's and JNA's libraries for this platform, unpacked once here instead of at every start
sqlite_jar=$(ls "$out"/input/sqlite-jdbc-*.jar)
jna_jar=$(ls "$out"/input/jna-[0-9]*.jar)
(cd "$out/unpack" && jar xf "../input/$(basename "$sqlite_jar")" "org/sqlite/native/$sqlite_dir/$arch/$sqlite_lib" \
  && jar xf "../input/$(basename "$jna_jar")" "com/sun/jna/$jna_dir/$jna_lib")
cp "$out/unpack/org/sqlite/native/$sqlite_dir/$arch/$sqlite_lib" "$out/unpack/com/sun/jna/$jna_dir/$jna_lib" "$out/input/native/"
rm -rf "$out/unpack"

icon=packaging/icons/control-room.png
case "$os" in
  windows) icon=packaging/icons/control-room.ico ;;
  mac)
    # macOS wants .icns: made from the PNG with the system's own tools
    iconset="$out/control-room.iconset" && mkdir -p "$iconset"
    for size in 16 32 128 256; do
      sips -z $size $size packaging/icons/control-room.png --out "$iconset/icon_${size}x${size}.png" >/dev/null
      double=$((size * 2))
      if [ $double -le 256 ]; then
        sips -z $double $double packaging/icons/control-room.png --out "$iconset/icon_${size}x${size}@2x.png" >/dev/null
      fi
    done
    iconutil -c icns "$iconset" -o "$out/control-room.icns" && icon="$out/control-room.icns" ;;
esac

# $APPDIR is the launcher's own app folder (lib/app on Linux); the options are read by the launcher
java_options=(
  --java-options '-Dorg.sqlite.lib.path=$APPDIR/native'
  --java-options "-Dorg.sqlite.lib.name=$sqlite_lib"
  --java-options '-Djna.boot.library.path=$APPDIR/native'
  --java-options '-Djna.nounpack=true'
  --java-options '-Xmx1g'
  # C2 (the optimising compiler) starts ten times later than the default: on two cores its compiles of the
  # start's code took a core from the first frame (installed 1,204 -> 1,150 ms); what runs hot all day still
  # gets it within seconds (the evidence export's median and the pulse gaps unchanged: docs/PERFORMANCE.md)
  --java-options '-XX:Tier4InvocationThreshold=50000' --java-options '-XX:Tier4MinInvocationThreshold=6000'
  --java-options '-XX:Tier4CompileThreshold=150000' --java-options '-XX:Tier4BackEdgeThreshold=400000'
)
if [ "$jdk_major" -ge 25 ]; then
  # JavaFX, SQLite and JNA load native code, and JavaFX 21 uses sun.misc.Unsafe: allowed, so no start prints
  # warnings. The ahead-of-time cache is made below; without it (a damaged install) the app runs, just slower.
  java_options+=(--java-options '--enable-native-access=javafx.graphics,ALL-UNNAMED'
    --java-options '--sun-misc-unsafe-memory-access=allow'
    --java-options '-XX:AOTCache=$APPDIR/control-room.aot' --java-options '-Xlog:aot=off,cds=off'
    # reflection through JNI, as JDK 17 does, not a method handle spun per method: the frame's FXML called each
    # setter once, and spinning those was a third of its load (installed 999 -> 970 ms, CPU 1,585 -> 1,515 ms)
    --java-options '-Djdk.reflect.useNativeAccessorOnly=true')
elif [ "$os" = linux ]; then
  # made by the .deb's postinst where the jars are installed; a missing one only means no sharing
  java_options+=(--java-options '-XX:SharedArchiveFile=$APPDIR/control-room.jsa')
fi
common=(--app-version "$version" --description "$description" --vendor "$vendor"
        --copyright "Copyright the Rollout Control Room authors")
bundle_version=$version
if [ "$os" = mac ] && [ "${version%%.*}" = 0 ]; then
  bundle_version="1.${version#*.}" # macOS refuses a bundle version starting with 0; the app itself still says $version
  common=(--app-version "$bundle_version" "${common[@]:2}")
fi

extra=()
if [ "$os" = windows ]; then
  # the main launcher is a windowed app; control-room.exe is its console twin for the CLI
  printf 'win-console=true\n' >"$out/console-launcher.properties"
  extra+=(--add-launcher "control-room=$out/console-launcher.properties")
fi
if [ "$os" = mac ]; then
  extra+=(--mac-package-identifier com.rolloutcontrolroom.app --mac-package-name "Control Room") # the menu bar name: under 16 characters
fi

jpackage --type app-image --dest "$out" --name "$name" "${common[@]}" \
  --input "$out/input" --main-jar control-room.jar --main-class com.rolloutcontrolroom.Main \
  --runtime-image "$out/runtime" --icon "$icon" "${java_options[@]}" ${extra[@]+"${extra[@]}"}

image="$out/$name"
[ "$os" = mac ] && image="$out/$name.app"
if [ "$os" = linux ]; then
  # the command reads the native launcher's configuration but asks no package manager (see launcher.sh)
  install -m 0755 packaging/jpackage/linux/launcher.sh "$image/bin/$name"
fi

# Class-data sharing (start-up): the classes a demo start loads up to its first frame, recorded once from the
# image itself, then archived. JDK and JavaFX classes (modules of the runtime) go into the runtime's default
# archive, which any location can map. The app's own jars: with JDK 25+ an ahead-of-time cache made here from
# a demo start up to its first drawn screen (the classes loaded and linked, and their profiles; it names the
# jars relative to the image and checks their sizes and times, so it holds wherever the image is installed);
# with JDK 17 an archive the .deb's postinst makes from the same list (JDK 17 checks class-path locations).

# the image's own java command as its launcher runs it (class path and options from its .cfg), without the
# app's archive, which is being made: each recording adds its own option
image_java() {
  local sep=: cfg line classpath=()
  [ "$os" = windows ] && sep=';'
  cfg=$(ls "$app_dir"/*.cfg | head -n 1)
  app_java=("$runtime_dir/bin/java")
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    line=${line//\$APPDIR/$app_dir}
    case "$line" in
      app.classpath=*) classpath+=("${line#app.classpath=}") ;;
      java-options=-XX:AOTCache=*|java-options=-XX:SharedArchiveFile=*|java-options=-Xlog:*) ;;
      java-options=*) app_java+=("${line#java-options=}") ;;
    esac
  done <"$cfg"
  app_java+=(-cp "$(IFS=$sep; echo "${classpath[*]}")")
}

# a demo start with a fresh data folder up to its first drawn screen, under Xvfb when there is no display
record_start() {
  local log=$1 home made
  shift
  home=$(mktemp -d)
  local run=(env CONTROL_ROOM_HOME="$home" "${app_java[@]}" "$@" -Dcontrolroom.exitAfterFirstFrame=true com.rolloutcontrolroom.Main --demo)
  if [ "$os" = linux ] && [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    run=(xvfb-run -a -s "-screen 0 1366x768x24" "${run[@]}")
  fi
  timeout 180 "${run[@]}" >"$log" 2>&1
  made=$?
  rm -rf "$home"
  return $made
}
runtime_dir="$image/lib/runtime"
[ "$os" = mac ] && runtime_dir="$image/Contents/runtime/Contents/Home"
app_dir="$image/lib/app"
[ "$os" = mac ] && app_dir="$image/Contents/app"
[ "$os" = windows ] && { runtime_dir="$image/runtime"; app_dir="$image/app"; }
server_dir=$(dirname "$(find "$runtime_dir" -name "$(case $os in windows) echo jvm.dll;; mac) echo libjvm.dylib;; *) echo libjvm.so;; esac)" | head -n 1)")
image_java
jar_time=200001010000 # 2000-01-01 00:00 UTC, also in packaging/jpackage/linux/postinst
if record_start "$out/classes-run.log" -XX:DumpLoadedClassList="$out/classes.lst" && [ -s "$out/classes.lst" ]; then
  "$runtime_dir/bin/java" -Xshare:dump -XX:SharedClassListFile="$out/classes.lst" \
    -XX:SharedArchiveFile="$server_dir/classes.jsa" >"$out/cds-dump.log" 2>&1
  [ "$jdk_major" -ge 25 ] || cp "$out/classes.lst" "$app_dir/classes.lst" # for the .deb's postinst
  echo "class-data sharing: $(wc -l <"$out/classes.lst") classes recorded; runtime archive $(du -k "$server_dir/classes.jsa" | cut -f1) KiB"
  if [ "$jdk_major" -ge 25 ]; then
    # the cache checks each jar's time, and installers copy files with new times: the jars get a fixed time
    # here, and the .deb's postinst sets the same one where they are installed
    TZ=UTC touch -t "$jar_time" "$app_dir"/*.jar
    if ! record_start "$out/aot-run.log" -XX:AOTCacheOutput="$app_dir/control-room.aot" || [ ! -s "$app_dir/control-room.aot" ]; then
      echo "build.sh: the ahead-of-time cache could not be made; see $out/aot-run.log" >&2; exit 1
    fi
    echo "ahead-of-time cache: $(du -k "$app_dir/control-room.aot" | cut -f1) KiB"
  fi
else
  # no display to record on: the JDK's own list still shares the JDK's classes
  echo "build.sh: could not record the start-up classes (see $out/classes-run.log); the runtime archive holds the JDK's default list" >&2
  "$runtime_dir/bin/java" -Xshare:dump -XX:SharedArchiveFile="$server_dir/classes.jsa" >"$out/cds-dump.log" 2>&1
fi

case "$type" in
  app-image) ;;
  deb)
    # dpkg-deb compresses with xz unless DPKG_DEB_COMPRESSOR_TYPE says otherwise (gzip: 3 min less on
    # 2 cores, 15 MB more); .ci/package-check.sh uses gzip. The Debian revision is always 1 (JDK 17's jpackage
    # wrote -1, 25's writes none, and 0.1.0 would then count as older than 0.1.0-1)
    jpackage --type deb --dest "$out" --app-image "$image" --name rollout-control-room "${common[@]}" \
      --icon "$icon" --linux-package-name rollout-control-room --linux-app-release 1 --linux-package-deps libgtk-3-0 \
      --linux-shortcut --linux-menu-group Development --linux-app-category devel \
      --resource-dir packaging/jpackage/linux \
      --linux-deb-maintainer "packaging@rolloutcontrolroom.invalid" ;;
  dmg)
    jpackage --type dmg --dest "$out" --app-image "$image" --name "$name" "${common[@]}" ;;
  msi)
    jpackage --type msi --dest "$out" --app-image "$image" --name "$name" "${common[@]}" \
      --win-menu --win-menu-group "Rollout Control Room" --win-shortcut --win-dir-chooser \
      --win-upgrade-uuid 6f7c2f1e-4a36-4d8e-9a53-3c1b9e0f5a21 ;;
  *) echo "build.sh: unknown --type $type" >&2; exit 2 ;;
esac
echo "built $type in $out (version $version)"
