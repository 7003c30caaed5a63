#!/usr/bin/env bash
# Runs tshark with a given build of the plugin loaded.
#   scripts/tshark-with-plugin.sh [--plugin path/to/rescap.so] <tshark args...>
# tshark ignores personal plugins when run as root, so as root this runs
# tshark as "nobody" with HOME pointing at a private folder holding the
# plugin; as any other user it uses a private HOME the same way, so that the
# plugin tested is exactly the one given (default: build/rescap.so).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
plugin="${RESCAP_PLUGIN:-$here/build/rescap.so}"
if [ "${1:-}" = "--plugin" ]; then plugin=$2; shift 2; fi
[ -f "$plugin" ] || { echo "no plugin at $plugin (build first)" >&2; exit 2; }

home=$(mktemp -d /tmp/rescap-home.XXXXXX)
trap 'rm -rf "$home"' EXIT
mkdir -p "$home/.local/lib/wireshark/plugins/4.0/epan"
cp "$plugin" "$home/.local/lib/wireshark/plugins/4.0/epan/rescap.so"
chmod -R a+rX "$home"

if [ "$(id -u)" -eq 0 ]; then
  # The files tshark reads must be readable by nobody.
  setpriv --reuid=nobody --regid=nogroup --clear-groups env HOME="$home" tshark "$@"
else
  HOME="$home" tshark "$@"
fi
