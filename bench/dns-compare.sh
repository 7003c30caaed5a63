#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Full dissection, no dearer than Wireshark's own DNS (issue 19): rescap's
# added cost over its bytes as data against DNS's added cost over its bytes as
# data, on the same mix of exchanges.
#   bench/dns-compare.sh [--plugin SO] [--before SO] [--packets N] [--runs R] [--modes "r 2 V"] [--quick] [--out FILE]
# Captures (bench/synth.py mix, fixed seed, at least N packets, default
# 58000), in exchanges: 7/10 UDP request/response, 1/10 the nested form, 1/10
# a TCP exchange with a 5 kB response over 4 segments, 1/10 decap pairs on
# 403. *rescap*: rescap on 283 (count form; nested form; a 5,000-octet
# fragmented item); *DNS*: DNS on 53 in rescap's place (an A answer; CNAME +
# A; a 5 kB TXT answer over TCP), the same decap pairs. 403 is decoded as
# data in every run; rescap is measured against `-d udp.port==283,data -d
# tcp.port==283,data`, DNS against `-d udp.port==53,data -d
# tcp.port==53,data` (same tshark, same plugin file). Modes `-r` (one pass),
# `-2` and `-V`, output to /dev/null; medians of R runs (default 5,
# alternating) of wall time and peak RSS. Writes a Markdown table (default
# bench/dns-results.md; --quick: none): rescap's added time and memory in % against DNS's.
# --quick: 3000 packets, one run, modes r and 2 (a build/run check).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" before="" packets=58000 runs=5 modes="r 2 V" quick=0 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --packets) packets=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --modes) modes=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,18p' "$0"; exit 2 ;;
  esac
done
if [ "$quick" = 1 ]; then packets=3000 runs=1 modes="r 2"; fi
source bench/measure.sh
bench_setup "$plugin" dns
# --quick is a check: its table goes to the temporary folder unless --out says otherwise.
if [ -z "$out" ]; then
  if [ "$quick" = 1 ]; then out=$work/results.md; else out=bench/dns-results.md; fi
fi
if [ -n "$before" ]; then bench_home before "$before"; fi

/usr/bin/python3 bench/synth.py mix "$work/rescap.pcap" --service rescap --packets "$packets"
/usr/bin/python3 bench/synth.py mix "$work/dns.pcap" --service dns --packets "$packets"
chmod 644 "$work"/*.pcap
frames=$(capinfos -c -M "$work/rescap.pcap" | awk '/Number of packets/ {print $NF}')
dframes=$(capinfos -c -M "$work/dns.pcap" | awk '/Number of packets/ {print $NF}')
decap_as_data="-d udp.port==403,data -d tcp.port==403,data"
# Both mixes must decode cleanly: no rescap expert above Note, no malformed DNS.
# shellcheck disable=SC2086 # $decap_as_data: several arguments
count() { rescap_tshark "$work/home" -n -r "$1" -2 $decap_as_data -Y "$2" -T fields -e frame.number 2>/dev/null | wc -l; }
rescap_frames=$(count "$work/rescap.pcap" rescap)
rescap_bad=$(count "$work/rescap.pcap" 'rescap && (_ws.expert.severity >= 6291456)')
dns_frames=$(count "$work/dns.pcap" dns)
dns_bad=$(count "$work/dns.pcap" '_ws.malformed || (dns && _ws.expert.severity >= 6291456)')
echo "   rescap mix: $frames frames, $rescap_frames rescap, $rescap_bad with a warning/error;" \
  "DNS mix: $dframes frames, $dns_frames DNS, $dns_bad malformed or with a warning/error"
if [ "$rescap_bad" != 0 ] || [ "$dns_bad" != 0 ]; then echo "a mix does not decode cleanly" >&2; exit 1; fi

declare -A label=([r]="-r (one pass)" [2]="-2 (two passes)" [V]="-V (one pass, full tree)")
declare -A extra=([r]="" [2]="-2" [V]="-V")
v() { bench_value "$work/result" "$1" "$2"; }
rows=()
for m in $modes; do
  r="-n -r $work/rescap.pcap ${extra[$m]} $decap_as_data"
  d="-n -r $work/dns.pcap ${extra[$m]} $decap_as_data"
  specs=("rescap|$work/home|$r")
  if [ -n "$before" ]; then specs+=("before|$work/before|$r"); fi
  specs+=("rescap-data|$work/home|$r -d udp.port==283,data -d tcp.port==283,data"
    "dns|$work/home|$d" "dns-data|$work/home|$d -d udp.port==53,data -d tcp.port==53,data")
  load=$(bench_load)
  echo "== ${label[$m]}, load $load"
  bench_alternate "$runs" "$work/result" "${specs[@]}"
  for who in rescap before; do
    [ "$who" = rescap ] || [ -n "$before" ] || continue
    row=$(awk -v m="${label[$m]}" -v who="$who" -v cpuload="$load" \
      -v tp="$(v "$who" 2)" -v tpd="$(v rescap-data 2)" -v td="$(v dns 2)" -v tdd="$(v dns-data 2)" \
      -v rp="$(v "$who" 3)" -v rpd="$(v rescap-data 3)" -v rd="$(v dns 3)" -v rdd="$(v dns-data 3)" 'BEGIN {
        at = (tp / tpd - 1) * 100; ad = (td / tdd - 1) * 100
        am = (rp / rpd - 1) * 100; dm = (rd / rdd - 1) * 100
        printf "| %s | %s | %.2f / %.2f | %+.1f%% | %.2f / %.2f | %+.1f%% | %s | %.1f / %.1f | %+.1f%% | %.1f / %.1f | %+.1f%% | %s | %s |",
          m, who, tp, tpd, at, td, tdd, ad, at <= ad ? "yes" : "no", rp / 1024, rpd / 1024, am,
          rd / 1024, rdd / 1024, dm, am <= dm ? "yes" : "no", cpuload }')
    rows+=("$row")
    echo "   $row"
  done
done

tshark_version=$(tshark -v 2>/dev/null || true)
tshark_version=${tshark_version%%$'\n'*}
tshark_version=${tshark_version%.}
{
  echo "# Full dissection: rescap's added cost vs Wireshark's own DNS"
  echo
  echo "Mixes of about $packets packets (bench/synth.py mix; in exchanges 7/10 UDP, 1/10 nested form or"
  echo "CNAME + A, 1/10 TCP with a 5 kB response over 4 segments, 1/10 decap pairs on 403): rescap"
  echo "$frames frames ($rescap_frames rescap), DNS $dframes frames ($dns_frames DNS). 403 as data in"
  echo "every run. *added* = time (memory) against the same capture with its own port as data"
  echo "(\`-d udp.port==283,data -d tcp.port==283,data\` / \`-d udp.port==53,data -d tcp.port==53,data\`)."
  echo "Medians of $runs runs, alternating; output to /dev/null. *load*: 1-minute load average when the"
  echo "mode started ($(nproc) cores, shared). $tshark_version; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "- rescap: $(bench_plugin_name "$plugin")"
  if [ -n "$before" ]; then echo "- before: $(bench_plugin_name "$before") (against the same data runs)"; fi
  echo
  echo "| mode | plugin | rescap s / data s | rescap added time | DNS s / data s | DNS added time | no dearer | rescap MiB / data MiB | rescap added memory | DNS MiB / data MiB | DNS added memory | no dearer | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$out"
echo
cat "$out"
