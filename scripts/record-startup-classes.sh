#!/usr/bin/env bash
# Records src/main/resources/startup/classes.txt: the classes the demo window loads from the jar until its
# screen is drawn, in the order it loads them, for the app's class preloader (app/ClassPreloader). Rerun it
# when the start changes much; StartupClassListTest fails when a listed class is gone.
# Usage: ./mvnw -q -DskipTests package && scripts/record-startup-classes.sh   (needs xvfb-run)
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/control-room.jar
[ -f "$jar" ] || { echo "Build the jar first: ./mvnw -q -DskipTests package" >&2; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# one start to fill the data folder (the demo's binaries), the second one recorded
for log in "$work/first.log" "$work/classes.log"; do
  CONTROL_ROOM_HOME="$work/home" xvfb-run -a -s "-screen 0 1920x1080x24" java "-Xlog:class+load=info:file=$log" \
    -Dcontrolroom.noPreload=true -Dcontrolroom.exitAfterFirstFrame=true -jar "$jar" --demo >/dev/null
done
# the classes the jar itself supplied; lambdas and other hidden classes cannot be loaded by name
grep "source: file:.*control-room.jar" "$work/classes.log" | awk '{print $2}' | grep -v '\$\$Lambda' \
  > src/main/resources/startup/classes.txt
wc -l src/main/resources/startup/classes.txt
