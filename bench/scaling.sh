#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Scaling benchmark: time per MB of one growing rescap message, with the
# plugin and with the same bytes decoded as data, along each axis.
#   bench/scaling.sh [--plugin SO] [--full]
# Axes (bench/synth.py grow; default run / --full):
#   size       count-form message, 1,000-octet items, 1460-octet segments:
#              4, 16, 64 MB / 64 KB ... 64 MB
#   heuristic  the same on TCP 5283 (the heuristic path)
#   segment    1 MB (--full: 4 MB) in 1460 ... 16 (--full: 1) octet segments
#   fragments  one item in 256-octet fragments: 4,096 ... 65,535 fragments
#   items      count form, 252-octet items: 4,096 ... 65,534 items (and
#              65,534 empty items, shown, not judged: 256 KB)
#   depth      8 / 31 levels of TTLOfInfo, 4 MB / 16 MB
#   modes      4 MB in one pass, -2 and -V
#   endless    a message that never ends (16 MB / 64 MB) with the default
#              maximum message size: must finish within 3x the data baseline
# Each point: wall seconds with the plugin (-o rescap.max_message_size large
# enough for the message) and for the data baseline (`-d tcp.port==283,data
# -d tcp.port==5283,data --disable-heuristic rescap_tcp`), minus the time of
# the same tshark command on a capture of one almost empty connection
# (start-up), per MB of message. Points whose work (time minus start-up) is
# under 0.5 s are shown but not judged: start-up noise on a shared machine
# is of that order. Fails (exit 1) when on an axis the largest point's
# time per MB is more than 2x the smallest point's (super-linear growth;
# segment axis: the plugin/data ratio at the smallest segments against 1460),
# or the endless stream takes more than 3x its baseline.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" full=0
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --full) full=1; shift ;;
    *) sed -n '2,24p' "$0"; exit 2 ;;
  esac
done
source bench/measure.sh
bench_setup "$plugin" scaling

big=(-o rescap.max_message_size:300000000 --enable-heuristic rescap_tcp)
data=(-d tcp.port==283,data -d tcp.port==5283,data)
MB=1048576
results=$work/points.txt
: >"$results"

# point AXIS LABEL SIZE MODEFLAGS -- SYNTH ARGS...
point() {
  local axis=$1 label=$2 size=$3 mode=$4; shift 5
  local cap=$work/p.pcap t_p r_p t_d r_d
  /usr/bin/python3 bench/synth.py grow "$cap" --size "$size" "$@" >/dev/null
  chmod 644 "$cap"
  local -a extra=()
  [ -n "$mode" ] && extra=("$mode")
  read -r t_p r_p < <(measure "$work/home" "$work/time" -n -r "$cap" "${extra[@]}" "${big[@]}")
  read -r t_d r_d < <(measure "$work/home" "$work/time" -n -r "$cap" "${extra[@]}" "${data[@]}")
  echo "$axis|$label|$size|$t_p|$t_d|$r_p|$r_d" >>"$results"
  printf '  %-10s %-22s %9.1f MB  plugin %7.2f s %7.0f MiB   data %7.2f s %7.0f MiB\n' "$axis" "$label" \
    "$(echo "$size / $MB" | bc -l)" "$t_p" "$((r_p / 1024))" "$t_d" "$((r_d / 1024))"
}

# Start-up: one connection without payload.
/usr/bin/python3 bench/synth.py grow "$work/empty.pcap" --size 0 --shape items >/dev/null
chmod 644 "$work/empty.pcap"
read -r t0 _ < <(measure "$work/home" "$work/time" -n -r "$work/empty.pcap" "${big[@]}")
echo "  start-up (one empty connection): $t0 s"

if [ "$full" = 1 ]; then
  sizes=(65536 262144 1048576 4194304 16777216 67108864); segs=(1460 536 64 16 1); segsize=4194304
  endless=67108864
else
  sizes=(4194304 16777216 67108864); segs=(1460 536 64 16); segsize=1048576
  endless=16777216
fi
for s in "${sizes[@]}"; do point size "items 1460" "$s" "" -- --shape items; done
for s in "${sizes[@]}"; do point heuristic "port 5283" "$s" "" -- --shape items --port 5283; done
for g in "${segs[@]}"; do point segment "segments of $g" "$segsize" "" -- --shape items --segment "$g"; done
for n in 4096 16384 65535; do point fragments "$n fragments" $((n * 256)) "" -- --shape fragments --piece 256; done
for n in 4096 16384 65534; do point items "$n items" $((n * 256)) "" -- --shape tiny --piece 252; done
point empty "65534 empty items" $((65534 * 4)) "" -- --shape tiny
for d in 8 31; do
  for s in 4194304 16777216; do point "depth$d" "depth $d" "$s" "" -- --shape deep --depth "$d"; done
done
for m in "" -2 -V; do
  for s in 4194304 16777216; do point "mode${m:-r}" "mode ${m:--r}" "$s" "$m" -- --shape items; done
done

# The endless message with the default maximum message size.
/usr/bin/python3 bench/synth.py grow "$work/endless.pcap" --size "$endless" --shape endless >/dev/null
chmod 644 "$work/endless.pcap"
read -r te re < <(measure "$work/home" "$work/time" -n -r "$work/endless.pcap")
read -r tde rde < <(measure "$work/home" "$work/time" -n -r "$work/endless.pcap" "${data[@]}")
echo "endless|$endless|$te|$tde|$re|$rde" >"$work/endless.txt"

/usr/bin/python3 - "$results" "$t0" "$work/endless.txt" <<'PY'
import collections, sys
rows = [l.strip().split("|") for l in open(sys.argv[1]) if l.strip()]
t0 = float(sys.argv[2])
axes = collections.OrderedDict()
for axis, label, size, tp, td, rp, rd in rows:
    axes.setdefault(axis, []).append((label, int(size), float(tp), float(td), int(rp), int(rd)))
failed = []
print()
print("| axis | point | MB | plugin s | data s | plugin s/MB | data s/MB | plugin / data | plugin MiB | data MiB |")
print("|---|---|---|---|---|---|---|---|---|---|")
for axis, pts in axes.items():
    per = []
    for label, size, tp, td, rp, rd in pts:
        mb = size / 1048576
        pp, pd = max(tp - t0, 0.01) / mb, max(td - t0, 0.01) / mb
        per.append(pp)
        print("| %s | %s | %.2f | %.2f | %.2f | %.3f | %.3f | %.2f | %.0f | %.0f |" % (
            axis, label, mb, tp, td, pp, pd, tp / td, rp / 1024, rd / 1024))
    # Growth: the largest message against the smallest judged one (axes in growing order).
    judged = [p for p, (_, _, tp, _, _, _) in zip(per, pts) if tp - t0 >= 0.5]
    if axis not in ("segment", "empty") and len(judged) >= 2 and judged[-1] > 2 * judged[0]:
        failed.append("%s: %.3f s/MB at the largest point, %.3f s/MB at the smallest" % (axis, judged[-1], judged[0]))
    # Smaller segments cost TCP more per MB with or without the plugin: the
    # plugin's share must not grow with the segment count.
    if axis == "segment":
        ratios = [tp / td for _, _, tp, td, _, _ in pts]
        if ratios[-1] > 2 * ratios[0]:
            failed.append("segment: plugin/data %.2f at the smallest segments, %.2f at 1460" % (ratios[-1], ratios[0]))
_, size, te, tde, re_, rde = open(sys.argv[3]).read().strip().split("|")
print()
print("endless message of %.0f MB (default maximum message size): plugin %.2f s %.0f MiB, data %.2f s %.0f MiB, "
      "ratio %.2f" % (int(size) / 1048576, float(te), int(re_) / 1024, float(tde), int(rde) / 1024,
                      float(te) / float(tde)))
if float(te) > 3 * float(tde):
    failed.append("endless: %.2f s against %.2f s for the data baseline (more than 3x)" % (float(te), float(tde)))
print()
if failed:
    print("SUPER-LINEAR or too slow:\n  " + "\n  ".join(failed))
    sys.exit(1)
print("linear on every axis (time per MB at the largest point within 2x the smallest's)")
PY
