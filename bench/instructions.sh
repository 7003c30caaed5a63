#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Instructions, not seconds (issues 18 and 19): the comparisons of
# conversations.sh and dns-compare.sh counted by valgrind (cachegrind, no
# cache simulation). User-space instructions do not move with the machine's
# load, so a change's effect shows on a shared 2-core machine whose wall
# times move by 20 % between hours. Instructions are not time (a hash
# lookup's cache misses cost more than its count says): the time tables
# stay the judge of a target; this one says what a change did.
#   bench/instructions.sh [--plugin SO] [--before SO] [--cases "C..."] [--quick] [--out FILE]
# Cases:
#   tcp10k http10k     10k TCP conversations on 283 (bench/synth.py
#                      tcp-conversations, random / --payload http): the
#                      plugin against 283/403 as data
#   dns-r dns-2 dns-V  the 58k-packet mix of dns-compare.sh, one pass, -2,
#                      -V: rescap's added instructions over its port as
#                      data, next to Wireshark's DNS over its port as data
# --cache: the mix cases also simulate the caches and branch predictor
# (cachegrind --cache-sim=yes --branch-sim=yes, several times slower) and
# add columns for the first-level instruction and data cache misses and
# the mispredicted branches each adds: where two runs with the same
# instructions differ in time, these say why.
# One run each (the count repeats to 0.1 %). Writes a Markdown table
# (default bench/instructions-results.md; --quick: 1k conversations, a
# 3000-packet mix, cases tcp10k and dns-r, table printed, no file).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" before="" cases="tcp10k http10k dns-r dns-2 dns-V" quick=0 out="" cache=0
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --cache) cache=1; shift ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,27p' "$0"; exit 2 ;;
  esac
done
source bench/measure.sh
bench_setup "$plugin" instructions
install_packages valgrind
if [ -n "$before" ]; then bench_home before "$before"; fi
# Named now: the runs take minutes, and a commit made meanwhile is not in the plugin measured.
plugin_name=$(bench_plugin_name "$plugin")
before_name=""
if [ -n "$before" ]; then before_name=$(bench_plugin_name "$before"); fi
tshark_version=$(tshark -v 2>/dev/null || true)
tshark_version=${tshark_version%%$'\n'*}
tshark_version=${tshark_version%.}
conversations=10000 packets=58000
if [ "$quick" = 1 ]; then
  conversations=1000 packets=3000 cases="tcp10k dns-r"
  out=${out:-$work/results.md}
fi
out=${out:-bench/instructions-results.md}

# instructions HOME ARGS...: user-space instructions of one tshark run (as nobody).
instructions() {
  local home=$1
  shift
  RESCAP_TSHARK_PREFIX="valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null" \
    rescap_tshark "$home" "$@" 2>"$work/vg.err" >/dev/null || { tail -n 5 "$work/vg.err" >&2; return 1; }
  awk '/I +refs:/ { gsub(",", "", $NF); print $NF }' "$work/vg.err"
}

# simulated HOME ARGS...: "instructions I1-misses D1-misses mispredicts" of one run.
simulated() {
  local home=$1
  shift
  RESCAP_TSHARK_PREFIX="valgrind --tool=cachegrind --cache-sim=yes --branch-sim=yes --cachegrind-out-file=/dev/null" \
    rescap_tshark "$home" "$@" 2>"$work/vg.err" >/dev/null || { tail -n 5 "$work/vg.err" >&2; return 1; }
  awk '/I +refs:/ { i = $4 } /I1 +misses:/ { i1 = $4 } /D1 +misses:/ { d1 = $4 } /Mispredicts:/ { b = $3 }
    END { gsub(",", "", i); gsub(",", "", i1); gsub(",", "", d1); gsub(",", "", b); print i, i1, d1, b }' "$work/vg.err"
}

as_data="-d tcp.port==283,data -d udp.port==283,data -d tcp.port==403,data -d udp.port==403,data"
/usr/bin/python3 bench/synth.py tcp-conversations --count "$conversations" "$work/tcp.pcap" >/dev/null
/usr/bin/python3 bench/synth.py tcp-conversations --payload http --count "$conversations" "$work/http.pcap" >/dev/null
/usr/bin/python3 bench/synth.py mix "$work/rescap.pcap" --service rescap --packets "$packets" >/dev/null
/usr/bin/python3 bench/synth.py mix "$work/dns.pcap" --service dns --packets "$packets" >/dev/null
chmod 644 "$work"/*.pcap

homes=("plugin|$work/home")
if [ -n "$before" ]; then homes+=("before|$work/before"); fi
rows=()
for c in $cases; do
  for spec in "${homes[@]}"; do
    IFS='|' read -r who home <<<"$spec"
    case $c in
      tcp10k | http10k)
        cap=$work/${c%10k}.pcap
        # shellcheck disable=SC2086
        p=$(instructions "$home" -n -r "$cap") d=$(instructions "$home" -n -r "$cap" $as_data)
        row=$(awk -v c="$c" -v n="$conversations" -v who="$who" -v p="$p" -v d="$d" 'BEGIN {
          printf "| %d TCP conversations, %s | %s | %.3g | %.3g | %.3fx | %.0f |", n,
            c == "tcp10k" ? "random" : "HTTP", who, p, d, p / d, (p - d) / n }') ;;
      dns-r | dns-2 | dns-V)
        mode=()
        case $c in dns-2) mode=(-2) ;; dns-V) mode=(-V) ;; esac
        count=instructions
        if [ "$cache" = 1 ]; then count=simulated; fi
        r=$($count "$home" -n "${mode[@]}" -r "$work/rescap.pcap" -d tcp.port==403,data -d udp.port==403,data)
        rd=$($count "$home" -n "${mode[@]}" -r "$work/rescap.pcap" -d tcp.port==403,data -d udp.port==403,data \
          -d udp.port==283,data -d tcp.port==283,data)
        dn=$($count "$home" -n "${mode[@]}" -r "$work/dns.pcap" -d tcp.port==403,data -d udp.port==403,data)
        dd=$($count "$home" -n "${mode[@]}" -r "$work/dns.pcap" -d tcp.port==403,data -d udp.port==403,data \
          -d udp.port==53,data -d tcp.port==53,data)
        # Fields 2-4 (with --cache): added misses and mispredicts, in millions.
        row=$(awk -v c="$c" -v who="$who" -v r="$r" -v rd="$rd" -v dn="$dn" -v dd="$dd" -v n="$packets" 'BEGIN {
          split(r, R, " "); split(rd, RD, " "); split(dn, DN, " "); split(dd, DD, " ")
          printf "| %d-packet mix, %s | %s | rescap %.3g / %.3g: **+%.1f%%** | DNS %.3g / %.3g: +%.1f%% | %s |", n,
            c == "dns-r" ? "one pass" : c == "dns-2" ? "-2" : "-V", who, R[1], RD[1], 100 * (R[1] / RD[1] - 1), DN[1],
            DD[1], 100 * (DN[1] / DD[1] - 1), R[1] / RD[1] <= DN[1] / DD[1] ? "yes" : "no"
          if (2 in R)
            for (k = 2; k <= 4; k++) printf " %+.1f M / %+.1f M |", (R[k] - RD[k]) / 1e6, (DN[k] - DD[k]) / 1e6 }') ;;
      *) echo "unknown case $c" >&2; exit 2 ;;
    esac
    rows+=("$row")
    echo "$row"
  done
done

{
  echo "# Instructions (valgrind), not seconds: identification and full dissection"
  echo
  echo "Written by \`bench/instructions.sh\` (see doc/performance-ghost.md). User-space instructions"
  echo "of one tshark run each (cachegrind, no cache simulation): they do not move with the load of"
  echo "a shared machine; they are not time. $tshark_version; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "- plugin: $plugin_name"
  if [ -n "$before" ]; then echo "- before: $before_name"; fi
  echo
  echo "| case | plugin | plugin instructions | as data | ratio | added per conversation |"
  echo "|---|---|---|---|---|---|"
  for row in "${rows[@]}"; do case $row in *conversations*) echo "$row" ;; esac; done
  echo
  if [ "$cache" = 1 ]; then
    echo "| case | plugin | rescap / its port as data | DNS / its port as data | no dearer than DNS | I1 misses added, rescap / DNS | D1 misses added | mispredicts added |"
    echo "|---|---|---|---|---|---|---|---|"
  else
    echo "| case | plugin | rescap / its port as data | DNS / its port as data | no dearer than DNS |"
    echo "|---|---|---|---|---|"
  fi
  for row in "${rows[@]}"; do case $row in *mix*) echo "$row" ;; esac; done
} >"$out"
echo "table: $out"
