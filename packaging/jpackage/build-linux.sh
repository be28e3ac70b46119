#!/usr/bin/env bash
# Builds a Linux app-image (and with --deb a .deb) from the Maven build's class path.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's/^version=//p' target/classes/control-room.properties)
out=target/jpackage
rm -rf "$out" && mkdir -p "$out/input" "$out/modules"

./mvnw -q -o dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$out/deps"
mv "$out"/deps/javafx-*-linux.jar "$out/modules/"
rm -f "$out"/deps/javafx-*.jar   # the classifier-less javafx jars are empty placeholders
cp "$out"/deps/*.jar "$out/input/"
cp target/original-control-room.jar "$out/input/control-room.jar"

jpackage --type app-image --dest "$out" --name "Rollout Control Room" --app-version "$version" \
  --input "$out/input" --main-jar control-room.jar --main-class com.rolloutcontrolroom.Main \
  --module-path "$out/modules" --add-modules javafx.controls,javafx.fxml,javafx.swing,java.se,jdk.crypto.ec,jdk.unsupported,jdk.zipfs,jdk.localedata \
  --java-options "-Xmx1g"

if [ "${1:-}" = "--deb" ]; then
  jpackage --type deb --dest "$out" --app-image "$out/Rollout Control Room" --name rollout-control-room \
    --app-version "$version" --linux-package-deps libgtk-3-0 --linux-shortcut
fi
echo "built $out"
