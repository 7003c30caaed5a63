#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Identification cost per conversation (issue 18): the plugin against the same
# bytes decoded as data, on synthesized captures of many conversations.
#   bench/conversations.sh [--plugin SO] [--before SO] [--runs R] [--cases "C..."] [--limit S]
#        [--variant "TSHARK ARGS"] [--quick] [--out FILE]
# Cases (bench/synth.py; fixed seeds):
#   tcp10k tcp100k     TCP conversations on 283: handshake, one random client
#                      payload (16..512 octets), one random server payload
#                      (16..1400), FIN both ways
#   http10k http100k   the same with a GET request and a 200 response with a
#                      Server header and a small body
#   udp1m              1M UDP conversations on 403, one random datagram
#                      (48..200 octets) each way, each from its own address/port
#   stream10m          10 TCP conversations on 283, each 64 random octets from
#                      the client and 1 MB of random octets from the server
#                      (bounded cost per conversation, whatever its length)
#   header26k header262k header1m
#                      "the header that never ends" on TCP 283: `GET /
#                      HTTP/1.0`, then `HTTP/1.0 200 OK` and `Server: ` lines in
#                      1460-octet segments, never ending the header block:
#                      one 26 KB header, ten of them, one of 1 MB
# Each case: one-pass `tshark -n -r F`, median of R runs (default 3,
# alternating) of wall time and peak RSS with the plugin (and with the
# --before plugin, e.g. one built from an older commit) and with the data
# baseline (`-d tcp.port==283,data -d udp.port==283,data -d
# tcp.port==403,data -d udp.port==403,data`, same tshark and plugin file);
# for the HTTP cases also the same bytes given to Wireshark's own HTTP
# dissector (`-d tcp.port==283,http`, row "http"), for scale; for every
# case, Wireshark without the plugin's protocols (`--disable-protocol rescap
# --disable-protocol decap`, row "wireshark"): what tshark alone does on an
# unassigned port, its heuristic dissectors offered every payload; with
# --variant, also the plugin with those tshark arguments (e.g. `-o
# ghostid.nmap:FALSE`, row "variant").
# Prints the ratios next to the issue's targets (10k TCP random/HTTP within
# 1.5x the data time, the header that never ends within 2x; shown, never
# failed on) and writes a Markdown table (default
# bench/conversations-results.md; --quick: none). A run taking more than S seconds
# (default 300) is stopped and shown as "≥ S", and not repeated.
# --quick: 1k-conversation TCP/HTTP, 10k UDP, the 26 KB and 262 KB headers,
# one run (a build/run check).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" before="" variant="" runs=3 cases="" quick=0 limit=300 out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --before) before=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --cases) cases=$2; shift 2 ;;
    --limit) limit=$2; shift 2 ;;
    --variant) variant=$2; shift 2 ;;
    --quick) quick=1; shift ;;
    --out) out=$2; shift 2 ;;
    *) sed -n '2,34p' "$0"; exit 2 ;;
  esac
done
source bench/measure.sh
bench_setup "$plugin" conversations
# --quick is a check: its table goes to the temporary folder unless --out says otherwise.
if [ -z "$out" ]; then
  if [ "$quick" = 1 ]; then out=$work/results.md; else out=bench/conversations-results.md; fi
fi
if [ -n "$before" ]; then bench_home before "$before"; fi

# case name -> synth.py arguments, conversations, target (time ratio)
declare -A synth=(
  [tcp10k]="tcp-conversations --count 10000" [tcp100k]="tcp-conversations --count 100000"
  [http10k]="tcp-conversations --payload http --count 10000"
  [http100k]="tcp-conversations --payload http --count 100000"
  [udp1m]="udp-conversations --count 1000000"
  [header26k]="endless-header --size 26624 --count 1" [header262k]="endless-header --size 26624 --count 10"
  [header1m]="endless-header --size 1048576 --count 1"
  [tcp1k]="tcp-conversations --count 1000" [http1k]="tcp-conversations --payload http --count 1000"
  [udp10k]="udp-conversations --count 10000" [stream10m]="long-streams --count 10 --size 1048576")
declare -A count=([tcp10k]=10000 [tcp100k]=100000 [http10k]=10000 [http100k]=100000 [udp1m]=1000000
  [header26k]=1 [header262k]=10 [header1m]=1 [tcp1k]=1000 [http1k]=1000 [udp10k]=10000 [stream10m]=10)
declare -A target=([tcp10k]=1.5 [http10k]=1.5 [header26k]=2 [header262k]=2 [header1m]=2)
declare -A what=(
  [tcp10k]="10k TCP, random" [tcp100k]="100k TCP, random" [http10k]="10k TCP, HTTP" [http100k]="100k TCP, HTTP"
  [udp1m]="1M UDP on 403, random" [header26k]="header never ends, 26 KB" [header262k]="header never ends, 10 x 26 KB"
  [header1m]="header never ends, 1 MB" [tcp1k]="1k TCP, random" [http1k]="1k TCP, HTTP" [udp10k]="10k UDP on 403, random"
  [stream10m]="10 TCP streams of 1 MB, random")
if [ -z "$cases" ]; then
  if [ "$quick" = 1 ]; then
    cases="tcp1k http1k udp10k header26k header262k"
  else
    cases="tcp10k http10k header26k header262k header1m stream10m tcp100k http100k udp1m"
  fi
fi
if [ "$quick" = 1 ]; then runs=1; fi
export BENCH_LIMIT=$limit
data="-d tcp.port==283,data -d udp.port==283,data -d tcp.port==403,data -d udp.port==403,data"

rows=()
for c in $cases; do
  [ -n "${synth[$c]:-}" ] || { echo "unknown case $c (known: ${!synth[*]})" >&2; exit 2; }
  cap=$work/$c.pcap
  # shellcheck disable=SC2086
  /usr/bin/python3 bench/synth.py ${synth[$c]} "$cap"
  chmod 644 "$cap"
  frames=$(capinfos -c -M "$cap" | awk '/Number of packets/ {print $NF}')
  load=$(bench_load)
  specs=("plugin|$work/home|-n -r $cap")
  if [ -n "$before" ]; then specs+=("before|$work/before|-n -r $cap"); fi
  if [ -n "$variant" ]; then specs+=("variant|$work/home|-n -r $cap $variant"); fi
  specs+=("data|$work/home|-n -r $cap $data")
  specs+=("wireshark|$work/home|-n -r $cap --disable-protocol rescap --disable-protocol decap")
  # HTTP cases: the same bytes through Wireshark's own HTTP dissector, for scale.
  case $c in http* | header*) specs+=("http|$work/home|-n -r $cap $data -d tcp.port==283,http") ;; esac
  echo "== $c: $frames frames, load $load"
  bench_alternate "$runs" "$work/result" "${specs[@]}"
  td=$(bench_value "$work/result" data 2)
  rd=$(bench_value "$work/result" data 3)
  for who in plugin before variant wireshark http; do
    grep -q "^$who " "$work/result" || continue
    t=$(bench_value "$work/result" "$who" 2)
    r=$(bench_value "$work/result" "$who" 3)
    was_cut=$(bench_value "$work/result" "$who" 4)
    goal=${target[$c]:-}
    if [ "$who" = http ] || [ "$who" = wireshark ]; then goal=""; fi
    name=$who
    if [ "$who" = variant ]; then name="plugin \`$variant\`"; fi
    row=$(awk -v w="${what[$c]}" -v who="$name" -v f="$frames" -v t="$t" -v td="$td" -v r="$r" -v rd="$rd" \
      -v goal="$goal" -v cpuload="$load" -v cut="$was_cut" -v n="${count[$c]}" 'BEGIN {
        ratio = t / td; at_least = cut == "" ? "" : "≥ "
        verdict = goal == "" ? "—" : sprintf("%.1fx: %s", goal, ratio <= goal ? "met" : "NOT met")
        printf "| %s | %s | %d | %s%.2f | %.2f | %s%.2f | %s | %s%.0f | %.1f | %.1f | %.2f | %s |", w, who, f, at_least,
          t, td, at_least, ratio, verdict, at_least, (t - td) * 1e6 / n, r / 1024, rd / 1024, r / rd, cpuload }')
    rows+=("$row")
    echo "   $row"
  done
done

tshark_version=$(tshark -v 2>/dev/null || true)
tshark_version=${tshark_version%%$'\n'*}
tshark_version=${tshark_version%.}
{
  echo "# Identification cost per conversation: plugin vs the same bytes as data"
  echo
  echo "One pass (\`tshark -n -r F\`), output to /dev/null; medians of $runs runs, alternating;"
  echo "*data* = \`$data\`. Targets (issue 18, shown, not enforced): 10k TCP random or HTTP within"
  echo "1.5x the data time, the header that never ends within 2x. *load*: 1-minute load average when the"
  echo "case started ($(nproc) cores, shared). *added µs / conversation*: (plugin s - data s) / conversations,"
  echo "start-up included (it dominates the cases of one or ten conversations). A run still going after"
  echo "$limit s was stopped: \"≥\" (its RSS is the peak until then). $tshark_version; $(date -u +%Y-%m-%dT%H:%MZ)."
  echo
  echo "- plugin: $(bench_plugin_name "$plugin")"
  if [ -n "$before" ]; then echo "- before: $(bench_plugin_name "$before")"; fi
  if [ -n "$variant" ]; then echo "- plugin \`$variant\`: the plugin above with these tshark arguments"; fi
  echo "- wireshark: tshark without the plugin's protocols (\`--disable-protocol rescap --disable-protocol decap\`): Wireshark alone on unassigned ports, its heuristic dissectors offered every payload, for scale"
  echo "- http (HTTP cases): the same bytes decoded by Wireshark's HTTP dissector (\`-d tcp.port==283,http\`), for scale"
  echo
  echo "| case | plugin | frames | plugin s | data s | time ratio | target | added µs / conversation | plugin MiB | data MiB | RSS ratio | load |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${rows[@]}"
} >"$out"
echo
cat "$out"
