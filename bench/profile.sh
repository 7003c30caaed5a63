#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Where the plugin spends memory and time, on a small synthesized capture.
#   bench/profile.sh [--plugin SO] [--packets N] [--conversations N]
# - massif (heap at peak) on N UDP conversations (default 10000), with
#   WIRESHARK_DEBUG_WMEM_OVERRIDE=simple so that each wmem allocation is its
#   own malloc, split by plugin function (bench/massif_plugin.py);
# - callgrind on the mixed benchmark capture of N packets (default 20000),
#   `tshark -n -r F -2`, top plugin functions by inclusive cost
#   (callgrind_annotate --inclusive=yes).
# bench/noclose.c is preloaded so that tshark's dlclose of the plugin at exit
# does not hide its symbols from the reports. Outputs stay in build-profile/.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" packets=20000 conversations=10000
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --conversations) conversations=$2; shift 2 ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
source scripts/lib/deps.sh
install_packages valgrind
source scripts/lib/tshark.sh
source bench/measure.sh
source scripts/lib/build.sh
if [ -z "$plugin" ]; then rescap_build build-bench -DRESCAP_BUILD_TESTS=OFF --target rescap >/dev/null; plugin=$here/build-bench/rescap.so; fi
out=$here/build-profile
rm -rf "$out"; mkdir -p "$out/noextcap"; chmod 1777 "$out"; chmod 755 "$out/noextcap"
rescap_home "$out/home" "$plugin"
gcc -shared -fPIC -O2 -o "$out/noclose.so" bench/noclose.c; chmod 755 "$out/noclose.so"
/usr/bin/python3 bench/synth.py conversations "$out/conv.pcap" --count "$conversations" >/dev/null
/usr/bin/python3 bench/synth.py bench "$out/bench.pcap" --packets "$packets" >/dev/null
chmod 644 "$out"/*.pcap
env_common="WIRESHARK_EXTCAP_DIR=$out/noextcap LD_PRELOAD=$out/noclose.so"

echo "== massif: tshark -n -r conv.pcap -2 ($conversations conversations)"
RESCAP_TSHARK_ENV="$env_common WIRESHARK_DEBUG_WMEM_OVERRIDE=simple" \
RESCAP_TSHARK_PREFIX="valgrind --tool=massif --depth=40 --threshold=0.05 --massif-out-file=$out/massif.out" \
  rescap_tshark "$out/home" -n -r "$out/conv.pcap" -2 >/dev/null 2>"$out/massif.log"
/usr/bin/python3 bench/massif_plugin.py "$out/massif.out"

echo "== callgrind: tshark -n -r bench.pcap -2 ($packets packets)"
RESCAP_TSHARK_ENV="$env_common" \
RESCAP_TSHARK_PREFIX="valgrind --tool=callgrind --callgrind-out-file=$out/callgrind.out" \
  rescap_tshark "$out/home" -n -r "$out/bench.pcap" -2 >/dev/null 2>"$out/callgrind.log"
callgrind_annotate --inclusive=yes "$out/callgrind.out" >"$out/callgrind-inclusive.txt" 2>/dev/null
callgrind_annotate "$out/callgrind.out" >"$out/callgrind-self.txt" 2>/dev/null
total=$(grep -m1 "PROGRAM TOTALS" "$out/callgrind-inclusive.txt" | awk '{print $1}')
echo "   program total: $total instructions"
echo "   top plugin functions, inclusive (with what they call):"
grep -E "rescap::|decap::|ghostports::" "$out/callgrind-inclusive.txt" | awk 'NR <= 15' | sed 's/^/     /' | cut -c1-170
echo "   top plugin functions, self:"
grep -E "rescap::|decap::|ghostports::" "$out/callgrind-self.txt" | awk 'NR <= 10' | sed 's/^/     /' | cut -c1-170
echo "   (full reports in $out)"
