#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# End-to-end tshark benchmark of the plugin.
#   bench/run.sh [--plugin SO] [--packets N] [--runs R] [--modes "r 2 V"] [--out FILE]
# Synthesizes one capture of at least N packets (default 200000; bench/synth.py:
# UDP and TCP rescap exchanges in both forms, fragmented items, decap traffic on
# 403), then times tshark reading it with the plugin and with the baseline
# `--disable-protocol rescap --disable-protocol decap` (same tshark, same
# plugin file loaded, the two protocols switched off), R runs each (default 5,
# alternating), for `-r F` (one pass), `-r F -2` and `-r F -V`; output goes to
# /dev/null. Prints and writes (bench/results.md) medians of wall time,
# packets per second, time ratio to the baseline and peak RSS
# (/usr/bin/time -v "Maximum resident set size").
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" packets=200000 runs=5 modes="r 2 V" out=bench/results.md
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,12p' "$0"; exit 2 ;;
  esac
done
source bench/measure.sh
bench_setup "$plugin" bench

cap=$work/bench.pcap
/usr/bin/python3 bench/synth.py bench "$cap" --packets "$packets"
chmod 644 "$cap"
frames=$(capinfos -c -M "$cap" | awk '/Number of packets/ {print $NF}')
# The synthesized messages must decode cleanly: no rescap expert above Note.
problems=$(rescap_tshark "$work/home" -r "$cap" -2 -Y 'rescap && (_ws.expert.severity >= 6291456)' -T fields -e frame.number 2>/dev/null | wc -l)
rescap_frames=$(rescap_tshark "$work/home" -r "$cap" -2 -Y rescap -T fields -e frame.number 2>/dev/null | wc -l)
decap_frames=$(rescap_tshark "$work/home" -r "$cap" -2 -Y decap -T fields -e frame.number 2>/dev/null | wc -l)
echo "   $frames frames: $rescap_frames with rescap, $decap_frames with decap, $problems rescap frames with a warning/error expert"

baseline=(--disable-protocol rescap --disable-protocol decap)
as_data=(-d tcp.port==283,data -d udp.port==283,data -d tcp.port==403,data -d udp.port==403,data
  --disable-heuristic rescap_tcp --disable-heuristic rescap_udp)
declare -A label=([r]="-r (one pass)" [2]="-2 (two passes)" [V]="-V (one pass, full tree)")
declare -A extra=([r]="" [2]="-2" [V]="-V")
rows=()
for m in $modes; do
  declare -a tp=() tb=() rp=() rb=() td=() rd=()
  for ((i = 1; i <= runs; i++)); do
    # shellcheck disable=SC2086
    read -r t r < <(measure "$work/home" "$work/time" -n -r "$cap" ${extra[$m]})
    tp+=("$t"); rp+=("$r")
    # shellcheck disable=SC2086
    read -r t r < <(measure "$work/home" "$work/time" -n -r "$cap" ${extra[$m]} "${baseline[@]}")
    tb+=("$t"); rb+=("$r")
    # shellcheck disable=SC2086
    read -r t r < <(measure "$work/home" "$work/time" -n -r "$cap" ${extra[$m]} "${as_data[@]}")
    td+=("$t"); rd+=("$r")
    echo "   ${label[$m]} run $i: plugin ${tp[-1]} s ${rp[-1]} KiB, disabled ${tb[-1]} s ${rb[-1]} KiB, data ${td[-1]} s ${rd[-1]} KiB"
  done
  row=$(/usr/bin/python3 - "$frames" "${label[$m]}" "${tp[*]}" "${tb[*]}" "${td[*]}" "${rp[*]}" "${rb[*]}" "${rd[*]}" <<'PY'
import statistics, sys
frames, label = int(sys.argv[1]), sys.argv[2]
tp, tb, td, rp, rb, rd = ([float(x) for x in a.split()] for a in sys.argv[3:9])
mtp, mtb, mtd, mrp, mrb, mrd = (statistics.median(x) for x in (tp, tb, td, rp, rb, rd))
print("| %s | %.2f | %.2f | %.2f | %.0f | %+.1f%% | %+.1f%% | %.1f | %.1f | %.1f | %+.1f%% | %+.1f%% |" % (
    label, mtp, mtb, mtd, frames / mtp, (mtp / mtb - 1) * 100, (mtp / mtd - 1) * 100,
    mrp / 1024, mrb / 1024, mrd / 1024, (mrp / mrb - 1) * 100, (mrp / mrd - 1) * 100))
PY
)
  rows+=("$row")
done

# First line of `tshark -v`, read whole (no `| head` under pipefail: SIGPIPE).
tshark_version=$(tshark -v 2>/dev/null || true)
tshark_version=${tshark_version%%$'\n'*}
{
  echo "# tshark benchmark: rescap/decap plugin vs baseline"
  echo
  echo "Capture: $frames frames synthesized by bench/synth.py ($rescap_frames rescap, $decap_frames decap);"
  echo "baselines (same tshark and plugin file): *disabled* = \`${baseline[*]}\`;"
  echo "*data* = \`${as_data[*]}\`."
  echo "Medians of $runs runs each, alternating; output to /dev/null; $(nproc) cores; $tshark_version;"
  echo "plugin: $plugin; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "| mode | plugin s | disabled s | data s | plugin pkt/s | time vs disabled | time vs data | plugin RSS MiB | disabled RSS MiB | data RSS MiB | RSS vs disabled | RSS vs data |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$out"
echo
cat "$out"
