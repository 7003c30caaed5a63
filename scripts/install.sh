#!/usr/bin/env bash
# Fresh machine to decoded capture: installs what is missing, builds the
# plugin, installs it in your personal Wireshark plugin folder and decodes a
# bundled capture with tshark.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/lib/deps.sh
install_packages

source scripts/lib/build.sh

# A user's compiler may warn where ours does not: no -Werror here.
rescap_build build -DRESCAP_BUILD_TESTS=OFF -DRESCAP_WERROR=OFF
cmake --install build
echo
install_dir=$(sed -n 's/^RESCAP_INSTALL_DIR:[A-Z]*=//p' build/CMakeCache.txt)
echo "Installed: $install_dir/epan/rescap.so"

echo
echo "== tshark -r captures/udp_basic.pcap -O rescap"
if [ "$(id -u)" -eq 0 ]; then
  echo "(tshark ignores personal plugins for root: decoding as user nobody with the built plugin)"
  chmod a+rX captures captures/*.pcap
  scripts/tshark-with-plugin.sh -r captures/udp_basic.pcap -O rescap
else
  tshark -r captures/udp_basic.pcap -O rescap
fi
