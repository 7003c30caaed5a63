#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# What holds the plugin's extra memory on the benchmark capture.
#   bench/memory-profile.sh [--plugin SO] [--packets N] [--reference REV] [--out FILE]
# Runs tshark one pass over the bench/run.sh capture (bench/synth.py bench,
# default 200000 packets) under heaptrack, with the plugin and with the
# *data* baseline, WIRESHARK_DEBUG_WMEM_OVERRIDE=simple so that every wmem
# allocation has its own call stack, and groups the heap held at the peak
# by what holds it (bench/memory_profile.py). --reference REV also builds
# that revision of the plugin (a git worktree) and profiles it the same way:
# e46ab56^ is the last one whose TCP framing asked Wireshark's own TCP
# reassembly (pinfo->desegment_len), to compare the two reassemblies.
# Then, for scale, the extra peak RSS per request/response exchange: N UDP
# rescap exchanges, each its own conversation (bench/synth.py
# conversations), against the same with Wireshark's own DNS dissector
# (bench/synth.py dns-conversations), each against its bytes as data;
# median of 3 runs; --exchanges N (default 50000).
# Writes FILE (default bench/memory-profile.md).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" packets=200000 reference="" exchanges=50000 out=bench/memory-profile.md
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --reference) reference=$2; shift 2 ;;
    --exchanges) exchanges=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done
source bench/measure.sh
bench_setup "$plugin" memprofile
install_packages heaptrack

cap=$work/bench.pcap
/usr/bin/python3 bench/synth.py bench "$cap" --packets "$packets" >/dev/null
chmod 644 "$cap"
as_data=(-d tcp.port==283,data -d udp.port==283,data -d tcp.port==403,data -d udp.port==403,data
  --disable-heuristic rescap_tcp --disable-heuristic rescap_udp)

# profile NAME HOME ARGS...: $work/NAME.stacks, peak heap per call stack.
profile() {
  local name=$1 home=$2; shift 2
  RESCAP_TSHARK_PREFIX="env WIRESHARK_DEBUG_WMEM_OVERRIDE=simple heaptrack -o $work/$name" \
    rescap_tshark "$home" -r "$cap" "$@" >/dev/null 2>"$work/$name.err"
  heaptrack_print -f "$work/$name.zst" -F "$work/$name.stacks" --flamegraph-cost-type peak >/dev/null 2>&1
}
echo "== heaptrack: plugin, then data baseline"
profile plugin "$work/home"
profile data "$work/home" "${as_data[@]}"
stacks=("$work/plugin.stacks" "$work/data.stacks")
if [ -n "$reference" ]; then
  echo "== reference plugin: $reference"
  git worktree add -f --detach "$work/reference" "$reference" >/dev/null 2>&1
  cmake -S "$work/reference" -B "$work/reference/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DRESCAP_BUILD_TESTS=OFF >/dev/null
  cmake --build "$work/reference/build" -j"$(nproc)" --target rescap >/dev/null
  rescap_home "$work/reference-home" "$work/reference/build/rescap.so"
  rescap_check_loaded "$work/reference-home"
  profile reference-run "$work/reference-home"
  git worktree remove --force "$work/reference"
  stacks+=("$work/reference-run.stacks")
fi
# rss_row LABEL CAPTURE DATA-ARGS...: one table row, medians of 3 runs.
rss_row() {
  local label=$1 capture=$2; shift 2
  local -a with=() without=()
  local t r i
  for i in 1 2 3; do
    read -r t r < <(measure "$work/home" "$work/time" -n -r "$capture")
    with+=("$r")
    read -r t r < <(measure "$work/home" "$work/time" -n -r "$capture" "$@")
    without+=("$r")
  done
  /usr/bin/python3 - "$label" "$exchanges" "${with[*]}" "${without[*]}" <<'PY'
import statistics, sys
label, n = sys.argv[1], int(sys.argv[2])
w, d = (statistics.median(int(x) for x in a.split()) for a in sys.argv[3:5])
print("| %s | %.1f | %.1f | %+.1f | %+.1f%% | %.0f |" % (label, w / 1024, d / 1024, (w - d) / 1024,
                                                         (w / d - 1) * 100, (w - d) * 1024 / n))
PY
}
echo "== peak RSS per exchange: rescap and DNS, $exchanges each"
/usr/bin/python3 bench/synth.py conversations "$work/rescap-exchanges.pcap" --count "$exchanges" >/dev/null
/usr/bin/python3 bench/synth.py dns-conversations "$work/dns-exchanges.pcap" --count "$exchanges" >/dev/null
chmod 644 "$work"/*-exchanges.pcap
per_exchange=(
  "$(rss_row "rescap (this plugin), UDP 283" "$work/rescap-exchanges.pcap" -d udp.port==283,data --disable-heuristic rescap_udp)"
  "$(rss_row "DNS (Wireshark's own), UDP 53" "$work/dns-exchanges.pcap" -d udp.port==53,data)"
)
tshark_version=$(tshark -v 2>/dev/null || true)
{
  echo "# Heap held at the peak: plugin vs data baseline"
  echo
  echo "\`bash bench/memory-profile.sh${reference:+ --reference $reference}\`; capture: bench/synth.py bench, $packets packets;"
  echo "one pass (\`tshark -r\`), heaptrack with WIRESHARK_DEBUG_WMEM_OVERRIDE=simple (requested sizes,"
  echo "no allocator overhead); data = \`${as_data[*]}\`; ${tshark_version%%$'\n'*}; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  /usr/bin/python3 bench/memory_profile.py "${stacks[@]}"
  echo
  echo "Peak RSS (\`/usr/bin/time -v\`, \`tshark -n -r\`, median of 3) for $exchanges request/response exchanges,"
  echo "each its own UDP conversation, with the dissector and with the same bytes as data:"
  echo
  echo "| traffic | dissector MiB | as data MiB | extra MiB | extra | extra octets per exchange |"
  echo "|---|---|---|---|---|---|"
  printf '%s\n' "${per_exchange[@]}"
} >"$out"
cat "$out"
