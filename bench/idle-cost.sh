#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The plugin's idle cost (issue 19): tshark with the plugin installed against
# tshark without it at all, for runs that use none of the plugin's output.
#   bench/idle-cost.sh [--plugin SO] [--before SO] [--packets N] [--runs R] [--captures "plain bench"] [--quick] [--out FILE]
# Captures (bench/synth.py, fixed seeds, at least N packets each, default
# 58000): *bench*, the standard benchmark mix (rescap on 283, decap on 403),
# and *plain*, nothing on 283/403 at all (DNS on 53 over UDP and TCP, HTTP on
# 80: `synth.py mix --service plain`). Commands: `-n -r F -q`, `-n -r F -q -z
# conv,tcp`, `-n -r F -T fields -e frame.number` and a plain `-n -r F`, output
# to /dev/null. Each: median of R runs (default 5, alternating) of wall time
# and peak RSS with the plugin (and the --before plugin) and with a HOME
# without the plugin (`rescap_home DIR`, scripts/lib/tshark.sh); ratios
# against the latter next to the issue's goal (at most 1.10x time and 1.05x
# memory; shown, never failed on; on *bench* the plugin still decodes its own
# ports). Writes a Markdown table (default bench/idle-results.md; --quick:
# none, the table is printed).
# --quick: 5000 packets, one run (a build/run check).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" before="" packets=58000 runs=5 captures="plain bench" quick=0 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --captures) captures=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,17p' "$0"; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then packets=5000 runs=1; fi
source bench/measure.sh
bench_setup "$plugin" idle
# --quick is a check: its table goes to the temporary folder unless --out says otherwise.
if [ -z "$out" ]; then
  if [ "$quick" = 1 ]; then out=$work/results.md; else out=bench/idle-results.md; fi
fi
bench_home none
if [ -n "$before" ]; then bench_home before "$before"; fi

/usr/bin/python3 bench/synth.py bench "$work/bench.pcap" --packets "$packets"
/usr/bin/python3 bench/synth.py mix "$work/plain.pcap" --service plain --packets "$packets"
chmod 644 "$work"/*.pcap
# The plain capture must hold nothing for the plugin.
mine=$(rescap_tshark "$work/home" -n -r "$work/plain.pcap" -Y 'rescap || decap' -T fields -e frame.number 2>/dev/null | wc -l)
[ "$mine" = 0 ] || { echo "the plain capture has $mine rescap/decap frames" >&2; exit 1; }

declare -A command=([q]="-q" [conv]="-q -z conv,tcp" [fields]="-T fields -e frame.number" [r]="")
declare -A label=([q]="-q" [conv]="-q -z conv,tcp" [fields]="-T fields -e frame.number" [r]="-r (summary lines)")
rows=()
for cap in $captures; do
  frames=$(capinfos -c -M "$work/$cap.pcap" | awk '/Number of packets/ {print $NF}')
  for m in q conv fields r; do
    args="-n -r $work/$cap.pcap ${command[$m]}"
    specs=("plugin|$work/home|$args")
    if [ -n "$before" ]; then specs+=("before|$work/before|$args"); fi
    specs+=("none|$work/none|$args")
    load=$(bench_load)
    echo "== $cap ($frames frames) ${label[$m]}, load $load"
    bench_alternate "$runs" "$work/result" "${specs[@]}"
    tn=$(bench_value "$work/result" none 2)
    rn=$(bench_value "$work/result" none 3)
    for who in plugin before; do
      [ "$who" = plugin ] || [ -n "$before" ] || continue
      t=$(bench_value "$work/result" "$who" 2)
      r=$(bench_value "$work/result" "$who" 3)
      row=$(awk -v c="$cap" -v m="${label[$m]}" -v who="$who" -v t="$t" -v tn="$tn" -v r="$r" -v rn="$rn" \
        -v cpuload="$load" 'BEGIN {
          printf "| %s | %s | %s | %.2f | %.2f | %.3f %s | %.1f | %.1f | %.3f %s | %s |", c, m, who, t, tn,
            t / tn, t / tn <= 1.10 ? "(met)" : "(NOT met)", r / 1024, rn / 1024, r / rn,
            r / rn <= 1.05 ? "(met)" : "(NOT met)", cpuload }')
      rows+=("$row")
      echo "   $row"
    done
  done
done

tshark_version=$(tshark -v 2>/dev/null || true)
tshark_version=${tshark_version%%$'\n'*}
tshark_version=${tshark_version%.}
{
  echo "# Idle cost: tshark with the plugin installed vs without it"
  echo
  echo "Captures of $packets packets: *plain* has no traffic on 283/403 (DNS, HTTP on their own ports),"
  echo "*bench* is bench/synth.py's benchmark mix (the plugin decodes its own ports there, so it is not"
  echo "idle on it). *none*: a HOME without the plugin. Medians of $runs runs, alternating; output to"
  echo "/dev/null. Goal (issue 19, shown, not enforced): at most 1.10x time and 1.05x memory for runs that"
  echo "use none of the plugin's output. *load*: 1-minute load average when the row started ($(nproc) cores,"
  echo "shared). $tshark_version; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "- plugin: $(bench_plugin_name "$plugin")"
  if [ -n "$before" ]; then echo "- before: $(bench_plugin_name "$before")"; fi
  echo
  echo "| capture | command | plugin | plugin s | none s | time ratio | plugin MiB | none MiB | RSS ratio | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$out"
echo
cat "$out"
