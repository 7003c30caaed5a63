#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Runs tshark with a given build of the plugin loaded.
#   scripts/tshark-with-plugin.sh [--plugin path/to/rescap.so] <tshark args...>
# tshark ignores personal plugins when run as root, so as root this runs
# tshark as "nobody" with HOME pointing at a private folder holding the
# plugin; as any other user it uses a private HOME the same way, so that the
# plugin tested is exactly the one given (default: $RESCAP_PLUGIN, else
# build/rescap.so). Files tshark reads must be readable by nobody.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/tshark.sh"
plugin="${RESCAP_PLUGIN:-$here/build/rescap.so}"
if [ "${1:-}" = "--plugin" ]; then plugin=$2; shift 2; fi

home=$(mktemp -d /tmp/rescap-home.XXXXXX)
trap 'rm -rf "$home"' EXIT
rescap_home "$home" "$plugin"
rescap_tshark "$home" "$@"
