#!/usr/bin/env bash
# Real-window smoke test: the packaged app in demo mode under Xvfb. Fails if the process died or
# the screenshot is one flat colour (no window drawn).
set -uo pipefail
cd "$(dirname "$0")/.."
jar=target/control-room.jar
shot=target/smoke/demo-window.png
mkdir -p target/smoke
home="$(mktemp -d)"
log=target/smoke/app.log

CONTROL_ROOM_HOME="$home" xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  java -jar "'"$jar"'" --demo >"'"$log"'" 2>&1 & pid=$!
  sleep 20
  if ! kill -0 $pid 2>/dev/null; then echo "smoke: the app exited before the screenshot"; exit 3; fi
  import -window root "'"$shot"'"
  kill $pid; wait $pid 2>/dev/null
  exit 0'
rc=$?
if [ $rc -ne 0 ]; then
  echo "smoke: FAILED (rc=$rc); app output:"; tail -n 40 "$log"; exit 1
fi
sd=$(convert "$shot" -colorspace Gray -format '%[fx:standard_deviation]' info:)
if ! awk -v s="$sd" 'BEGIN { exit !(s > 0.02) }'; then
  echo "smoke: FAILED, $shot is one flat colour (sd=$sd): the window never appeared"; exit 1
fi
sleep 3
if pgrep -f "$home" >/dev/null; then
  echo "smoke: FAILED, a process still runs on the demo data folder after the app exited:"; pgrep -fa "$home"; exit 1
fi
echo "smoke: window drawn (sd=$sd), screenshot $shot"
