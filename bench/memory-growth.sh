#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Memory growth with the number of rescap conversations.
#   bench/memory-growth.sh [--plugin SO] [--counts "1000 10000 50000"] [--runs R] [--out FILE]
# For each count N, synthesizes a capture of N UDP rescap conversations (one
# request + one response each, every one from its own client port/address;
# bench/synth.py conversations) and measures tshark's peak RSS
# (/usr/bin/time -v) for `tshark -r F -2` with the plugin and with
# `--disable-protocol rescap --disable-protocol decap`, median of R runs
# (default 3). The plugin's extra memory (plugin - baseline) is fitted
# linearly against N: the slope is the per-conversation cost.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" counts="1000 10000 50000" runs=3 out=bench/memory-growth.md
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --counts) counts=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,11p' "$0"; exit 2 ;;
  esac
done
source bench/measure.sh
bench_setup "$plugin" memory

lines=()
for n in $counts; do
  cap=$work/conv-$n.pcap
  /usr/bin/python3 bench/synth.py conversations "$cap" --count "$n"
  chmod 644 "$cap"
  declare -a rp=() rb=()
  for ((i = 1; i <= runs; i++)); do
    read -r _ r < <(measure "$work/home" "$work/time" -n -r "$cap" -2); rp+=("$r")
    read -r _ r < <(measure "$work/home" "$work/time" -n -r "$cap" -2 --disable-protocol rescap --disable-protocol decap); rb+=("$r")
  done
  lines+=("$n $(median "${rp[@]}") $(median "${rb[@]}")")
  echo "   $n conversations: plugin RSS ${rp[*]} KiB, baseline ${rb[*]} KiB"
done

/usr/bin/python3 - "${lines[@]}" >"$out" <<'PY'
import sys
rows = [tuple(float(x) for x in l.split()) for l in sys.argv[1:]]
print("# tshark peak RSS vs number of rescap conversations (`tshark -n -r F -2`)\n")
print("| conversations | packets | plugin RSS MiB | baseline RSS MiB | plugin extra MiB | extra bytes / conversation |")
print("|---|---|---|---|---|---|")
for n, p, b in rows:
    print("| %d | %d | %.1f | %.1f | %.2f | %.0f |" % (n, 2 * n, p / 1024, b / 1024, (p - b) / 1024, (p - b) * 1024 / n))
if len(rows) >= 2:
    xs = [r[0] for r in rows]; ys = [(r[1] - r[2]) * 1024 for r in rows]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)
    icpt = my - slope * mx
    res = [y - (icpt + slope * x) for x, y in zip(xs, ys)]
    ss = sum(r * r for r in res); st = sum((y - my) ** 2 for y in ys) or 1
    bx = [r[2] * 1024 for r in rows]; mb = sum(bx) / len(bx)
    bslope = sum((x - mx) * (y - mb) for x, y in zip(xs, bx)) / sum((x - mx) ** 2 for x in xs)
    print("\nLinear fit of the plugin's extra memory: %.0f bytes per conversation + %.2f MiB fixed (R^2 = %.4f)."
          % (slope, icpt / 2**20, 1 - ss / st))
    print("For scale, the baseline itself grows by %.0f bytes per conversation (frame data, TCP/UDP conversations)." % bslope)
PY
echo
cat "$out"
