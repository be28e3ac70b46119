#!/bin/bash
# The app's command on Linux, in place of jpackage's native launcher: it reads the same configuration
# (lib/app/<name>.cfg: class path, main class, JVM options, $APPDIR) and starts the bundled runtime. The
# native launcher asks rpm and then dpkg which package owns it on every start (`dpkg -S`, `dpkg -L`) only
# to find its own helper library; that cost 0.3 s of every start, and more on a busy machine.
set -euo pipefail
launcher=$(readlink -f "$0")
root=$(dirname "$(dirname "$launcher")")
app="$root/lib/app"
cfg="$app/$(basename "$launcher").cfg"
[ -r "$cfg" ] || { echo "$(basename "$launcher"): its configuration $cfg is missing; reinstall the package." >&2; exit 1; }
classpath=()
options=()
main=
while IFS= read -r line || [ -n "$line" ]; do
  line=${line//\$APPDIR/$app}
  case "$line" in
    app.classpath=*) classpath+=("${line#app.classpath=}") ;;
    app.mainclass=*) main=${line#app.mainclass=} ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done <"$cfg"
joined=$(IFS=:; echo "${classpath[*]}")
exec "$root/lib/runtime/bin/java" "${options[@]}" -Djpackage.app-path="$launcher" -cp "$joined" "$main" "$@"
