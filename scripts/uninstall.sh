#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Removes what scripts/install.sh installed: rescap.so from the same folder
# (as root the system plugin folder, as a user the personal one; see
# scripts/lib/plugin-folder.sh) and the "Ghost ports" profile, then checks
# that tshark no longer lists the plugin.
# Leaves the packages install.sh installed (others may use them) and the
# build tree. The .deb's copy is dpkg's: remove it with apt-get purge.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
source "$here/scripts/lib/plugin-folder.sh"

folder=$(rescap_plugin_folder)
target=$folder/epan/rescap.so
owner=$(rescap_file_package "$target")
if [ -n "$owner" ]; then
  echo "$target belongs to the package $owner: remove it with apt-get purge $owner" >&2
  exit 1
fi
if [ -e "$target" ]; then
  rm -f "$target"
  echo "Removed $target"
  # The personal folders install.sh may have made; the system ones are Wireshark's.
  [ "$(id -u)" -eq 0 ] || rmdir --ignore-fail-on-non-empty "$folder/epan" "$folder" 2>/dev/null || true
else
  echo "Nothing to remove: no $target"
fi

profile="$(rescap_profiles_folder)/Ghost ports"
if [ -d "$profile" ]; then
  rm -rf -- "$profile"
  echo "Removed the profile $profile"
fi

loaded=$(rescap_loaded_plugin)
if [ -n "$loaded" ]; then
  echo "tshark still loads rescap.so from $loaded (not installed by install.sh as $(id -un))" >&2
  exit 1
fi
echo "tshark -G plugins no longer lists rescap.so"
