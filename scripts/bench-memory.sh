#!/usr/bin/env bash
# Resident memory of the app after MINUTES of the demo (--demo, with its embedded PostgreSQL) under Xvfb:
# VmRSS and VmHWM (peak) of the Java process, sampled each minute, and the PostgreSQL processes' summed RSS
# (shared memory counted once per process, so an upper bound).
# Usage: scripts/bench-memory.sh [MINUTES] [LAUNCHER...]
#   LAUNCHER defaults to the installed app; e.g. `scripts/bench-memory.sh 10 java -jar "$PWD/target/control-room.jar"`
# Needs xvfb-run. HOME and the data folder are a fresh temporary folder, removed afterwards. As root it
# runs the app as `nobody` (PostgreSQL's initdb refuses to run as root).
set -euo pipefail
minutes=${1:-10}
shift || true
if [ $# -eq 0 ]; then set -- /opt/rollout-control-room/bin/rollout-control-room; fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
as_user=()
if [ "$(id -u)" = 0 ]; then chown nobody "$home"; as_user=(runuser -u nobody --); fi

${as_user[@]+"${as_user[@]}"} env HOME="$home" CONTROL_ROOM_HOME="$home/data" MINUTES="$minutes" \
  xvfb-run -a -s "-screen 0 1600x1000x24" bash -c '
  kib() { awk -v k="$1" "\$1 == k\":\" { print \$2 }" "/proc/$2/status"; }
  "$@" --demo >"$HOME/app.log" 2>&1 & pid=$!
  # the jpackage launcher runs the JVM in its own process; a `java` command is the JVM itself
  for minute in $(seq 1 "$MINUTES"); do
    sleep 60
    if ! kill -0 $pid 2>/dev/null; then echo "bench-memory: the app exited after $minute min" >&2; cat "$HOME/app.log" >&2; exit 1; fi
    pg=0
    # the postmaster (its command line names the data folder) and its backends
    for pm in $(pgrep -f "$CONTROL_ROOM_HOME/demo-postgres" || true); do
      for p in $pm $(pgrep -P $pm || true); do pg=$((pg + $(kib VmRSS $p || echo 0))); done
    done
    printf "minute %3d  VmRSS %7d KiB  VmHWM %7d KiB  PostgreSQL processes RSS %7d KiB\n" \
      "$minute" "$(kib VmRSS $pid)" "$(kib VmHWM $pid)" "$pg"
  done
  if [ "$pg" = 0 ]; then echo "bench-memory: the demo database is not running; see $HOME/app.log" >&2; exit 1; fi
  rss=$(kib VmRSS $pid); hwm=$(kib VmHWM $pid)
  grep -q libjvm "/proc/$pid/maps" || echo "bench-memory: warning: process $pid has no JVM mapped" >&2
  kill $pid; wait $pid 2>/dev/null || true
  echo "after $MINUTES min of the demo: VmRSS $((rss / 1024)) MiB, VmHWM $((hwm / 1024)) MiB (Java process)"
' bench-memory "$@"
