#!/usr/bin/env bash
# Prototype, not part of the build: a class-data-sharing archive for the INSTALLED app, and its first frame
# with and without it. JDK 17's CDS checks the class path's locations, so the archive is dumped against
# the installed jars (/opt/rollout-control-room/lib/app); it could be made the same way by the .deb's
# postinst from a class list recorded at build time. Runs the installed launcher as `nobody` under Xvfb
# on a warm demo data folder, alternating, and prints both medians.
# Usage (root): packaging/jpackage/cds-prototype.sh [RUNS]    (default 11 of each)
set -euo pipefail
runs=${1:-11}
install=/opt/rollout-control-room
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/home"
chown -R nobody "$work"

# one start of the demo window; prints the ms from JVM start to the first frame (step-first-frame-ms)
cat >"$work/once.sh" <<'ONCE'
#!/usr/bin/env bash
out=$(mktemp)
JAVA_TOOL_OPTIONS="-Dcontrolroom.printStartup=true $1" /opt/rollout-control-room/bin/rollout-control-room --demo >"$out" 2>&1 & pid=$!
for _ in $(seq 1 900); do grep -q step-first-frame-ms "$out" && break; sleep 0.1; done
grep -o 'step-first-frame-ms=[0-9]*' "$out" | head -n 1 | cut -d= -f2
kill $pid; wait $pid 2>/dev/null; sleep 2; rm -f "$out"
ONCE
chmod +x "$work/once.sh"
as_nobody() { runuser -u nobody -- env HOME="$work/home" CONTROL_ROOM_HOME="$work/home/data" "$@"; }
xvfb() { as_nobody xvfb-run -a -s "-screen 0 1600x1000x24" "$@"; }

# 1. the classes a demo start loads up to its first frame (the first start also initialises the demo database)
xvfb "$work/once.sh" "" >/dev/null
xvfb "$work/once.sh" "-XX:DumpLoadedClassList=$work/classes.lst" >/dev/null
# 2. the archive, against the installed class path
cp=$(sed -n "s|^app.classpath=\\\$APPDIR|$install/lib/app|p" "$install/lib/app/rollout-control-room.cfg" | paste -sd:)
"$install/lib/runtime/bin/java" -Xshare:dump -XX:SharedClassListFile="$work/classes.lst" \
  -XX:SharedArchiveFile="$work/app.jsa" -cp "$cp" >/dev/null 2>&1
chmod a+r "$work/app.jsa"
# 3. used from the installed location: -Xshare:on fails outright if it cannot be mapped
JAVA_TOOL_OPTIONS="-XX:SharedArchiveFile=$work/app.jsa -Xshare:on -Xlog:class+load=info" "$install/bin/rollout-control-room" --version 2>/dev/null \
  | grep -q 'com.rolloutcontrolroom.Main source: shared objects file' || { echo "cds: the archive is not used" >&2; exit 1; }
# 4. alternate
cat >"$work/alternate.sh" <<ALT
#!/usr/bin/env bash
for i in \$(seq 1 $runs); do
  echo "without \$($work/once.sh '')"
  echo "with \$($work/once.sh '-XX:SharedArchiveFile=$work/app.jsa')"
done
ALT
chmod +x "$work/alternate.sh"
xvfb "$work/alternate.sh" | tee "$work/results.txt"
median() { grep "^$1 " "$work/results.txt" | cut -d' ' -f2 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
echo "first frame, median of $runs: without CDS $(median without) ms, with the app archive $(median with) ms (archive $(du -m "$work/app.jsa" | cut -f1) MB)"
