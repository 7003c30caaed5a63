#!/usr/bin/env bash
# Fresh machine to decoded capture: installs what is missing, builds the
# plugin, installs it in your personal Wireshark plugin folder and decodes a
# bundled capture with tshark.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/lib/deps.sh
install_packages

cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESCAP_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
cmake --install build
echo
echo "Installed: $(grep -m1 RESCAP_INSTALL_DIR build/CMakeCache.txt | cut -d= -f2)/epan/rescap.so"

echo
echo "== tshark -r captures/udp_basic.pcap -O rescap"
if [ "$(id -u)" -eq 0 ]; then
  echo "(tshark ignores personal plugins for root: decoding as user nobody with the built plugin)"
  chmod a+rX captures captures/*.pcap
  scripts/tshark-with-plugin.sh -r captures/udp_basic.pcap -O rescap
else
  tshark -r captures/udp_basic.pcap -O rescap
fi
