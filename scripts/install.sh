#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Fresh machine to decoded capture: installs the packages the plugin needs
# (not the test ones), builds the plugin, installs it where the installed
# tshark loads it, checks that `tshark -G plugins` lists it and decodes a
# bundled capture with tshark. scripts/uninstall.sh undoes it.
#
# Where (scripts/lib/plugin-folder.sh, as `tshark -G folders` names them):
#   as root   the system folder ("Global Plugins"): Wireshark ignores personal
#             plugins when run as root, so a copy in /root/.local would never load
#   as a user the personal folder ("Personal Plugins", ~/.local/lib/wireshark/...)
# See doc/install.md.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/lib/deps.sh
source scripts/lib/plugin-folder.sh

install_plugin_packages
echo "(nmap-common is optional: from its nmap-service-probes the plugin names the product and version of a ghost-port service)"

folder=$(rescap_plugin_folder)
target=$folder/epan/rescap.so
owner=$(rescap_file_package "$target")
if [ -n "$owner" ]; then
  echo "$target belongs to the package $owner, which already installs the plugin." >&2
  echo "Use it, or remove it first (apt-get purge $owner) to install from source." >&2
  exit 1
fi
if [ "$(id -u)" -ne 0 ]; then
  # A system copy (the package, or install.sh run as root) would be loaded too.
  system=$(rescap_tshark_folder "Global Plugins")
  if [ -e "$system/epan/rescap.so" ]; then
    echo "warning: $system/epan/rescap.so exists too; Wireshark finds the plugin twice and" >&2
    echo "         complains. Remove the system copy (as root: scripts/uninstall.sh, or apt-get purge" >&2
    echo "         wireshark-plugin-rescap) or skip this personal install." >&2
  fi
fi

source scripts/lib/build.sh
# A user's compiler may warn where ours does not: no -Werror here.
profiles=$(rescap_profiles_folder)
rescap_build build -DRESCAP_BUILD_TESTS=OFF -DRESCAP_WERROR=OFF "-DRESCAP_INSTALL_DIR=$folder" \
  "-DRESCAP_PROFILE_INSTALL_DIR=$profiles"
cmake --install build
echo "Installed the \"Ghost ports\" profile in $profiles (choose it from the status bar's profile menu)"

echo
loaded=$(rescap_loaded_plugin)
if [ "$loaded" != "$target" ]; then
  echo "Installed $target, but tshark -G plugins lists: ${loaded:-no rescap.so}." >&2
  echo "Is libwireshark-dev from the same Wireshark version as tshark ($(tshark -v 2>/dev/null | sed -n 1p))?" >&2
  exit 1
fi
echo "Installed: $target (tshark -G plugins lists it)"

echo
echo "== tshark -r captures/udp_basic.pcap -O rescap"
decoded=$(tshark -r captures/udp_basic.pcap -O rescap 2>/dev/null)
printf '%s\n' "$decoded"
grep -q '^Resource Capabilities Discovery' <<<"$decoded" || { echo "tshark decoded no rescap message" >&2; exit 1; }
echo
echo "Done. Wireshark and tshark started by $(id -un) now load the plugin; scripts/uninstall.sh removes it."
