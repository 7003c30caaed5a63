# SPDX-License-Identifier: GPL-2.0-or-later
# shellcheck shell=bash disable=SC2154 # $here and $work: set by the sourcing script
# Sourced by the bench/*.sh scripts.
# measure HOME OUTFILE ARGS...: one tshark run (as nobody, output to
# /dev/null) under /usr/bin/time -v; prints "<wall seconds> <max RSS KiB>".
# With $BENCH_LIMIT (seconds) set, a run still going after that long is
# killed and printed as "<BENCH_LIMIT> <max RSS KiB> cut".
measure() {
  local home=$1 tf=$2 prefix="/usr/bin/time -v -o $2" rc=0 cut=""
  shift 2
  if [ -n "${BENCH_LIMIT:-}" ]; then prefix+=" timeout -k 10 $BENCH_LIMIT"; fi
  RESCAP_TSHARK_PREFIX=$prefix rescap_tshark "$home" "$@" >/dev/null 2>"$tf.err" || rc=$?
  if [ "$rc" = 124 ] && [ -n "${BENCH_LIMIT:-}" ]; then
    cut="cut"
  elif [ "$rc" != 0 ]; then
    echo "tshark $* failed:" >&2; tail -n 5 "$tf.err" "$tf" >&2; return 1
  fi
  /usr/bin/python3 - "$tf" "$cut" "${BENCH_LIMIT:-}" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
if sys.argv[2]:
    print("%s %d cut" % (sys.argv[3], rss))
    sys.exit()
w = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
secs = 0.0
for part in w.split(":"):
    secs = secs * 60 + float(part)
print("%.3f %d" % (secs, rss))
PY
}

median() { /usr/bin/python3 -c 'import statistics,sys; print(statistics.median(float(x) for x in sys.argv[1:]))' "$@"; }

# bench_setup PLUGIN NAME: installs what the benchmarks need, builds the
# plugin when PLUGIN is empty, and sets $plugin, $work (a temp folder removed
# on exit) and $work/home (a HOME whose tshark loads the plugin).
bench_setup() {
  plugin=$1
  source scripts/lib/deps.sh
  install_packages time
  source scripts/lib/tshark.sh
  source scripts/lib/build.sh
  if [ -z "$plugin" ]; then
    echo "== building the plugin (build-bench, RelWithDebInfo)"
    rescap_build build-bench -DRESCAP_BUILD_TESTS=OFF --target rescap >/dev/null
    plugin=$here/build-bench/rescap.so
  fi
  work=$(mktemp -d "/tmp/rescap-$2.XXXXXX")
  trap 'rm -rf "$work"' EXIT
  chmod 1777 "$work"
  rescap_home "$work/home" "$plugin"
  rescap_check_loaded "$work/home"
}

# bench_home NAME [PLUGIN]: one more HOME, $work/NAME, whose tshark loads
# PLUGIN (none: a HOME without the plugin at all).
bench_home() {
  rescap_home "$work/$1" "${2:-}"
  if [ -n "${2:-}" ]; then rescap_check_loaded "$work/$1"; fi
}

# bench_plugin_name SO: the plugin file and, when it sits in a git work tree,
# the last commit there that changed the plugin's sources or build ("+dirty"
# when they have uncommitted changes).
bench_plugin_name() {
  local dir rev dirty=""
  dir=$(dirname "$1")
  if rev=$(git -C "$dir" log -1 --format=%h HEAD -- ":/plugin" ":/CMakeLists.txt" ":/cmake" 2>/dev/null) && [ -n "$rev" ]; then
    git -C "$dir" diff --quiet HEAD -- ":/plugin" 2>/dev/null || dirty="+dirty"
    echo "$1 (commit $rev$dirty)"
  else
    echo "$1"
  fi
}

# bench_load: the machine's 1-minute load average now.
bench_load() {
  local l _
  read -r l _ </proc/loadavg
  echo "$l"
}

# bench_alternate RUNS RESULT SPEC...: each SPEC is "label|home|tshark
# arguments" (arguments split on blanks). Every SPEC runs once per round,
# RUNS rounds, so a change of load on a shared machine hits all of them
# alike. Writes "label median_seconds median_KiB [cut]" per SPEC to RESULT;
# a SPEC whose run was cut by $BENCH_LIMIT is not run again and keeps the
# limit as its time ("cut": at least that long).
bench_alternate() {
  local runs=$1 result=$2 i spec label home args out t r c
  shift 2
  local -A ts=() rs=() cut=()
  local -a argv
  for ((i = 1; i <= runs; i++)); do
    for spec in "$@"; do
      IFS='|' read -r label home args <<<"$spec"
      [ -z "${cut[$label]:-}" ] || continue
      read -r -a argv <<<"$args"
      out=$(measure "$home" "$work/time" "${argv[@]}")
      read -r t r c <<<"$out"
      ts[$label]+=" $t"; rs[$label]+=" $r"
      if [ -n "$c" ]; then cut[$label]="cut"; fi
    done
  done
  : >"$result"
  for spec in "$@"; do
    label=${spec%%|*}
    # shellcheck disable=SC2086
    echo "$label $(median ${ts[$label]}) $(median ${rs[$label]}) ${cut[$label]:-}" >>"$result"
    # shellcheck disable=SC2086
    echo "     $label: s${ts[$label]}; KiB${rs[$label]}${cut[$label]:+ (cut at ${BENCH_LIMIT}s)}"
  done
}

# bench_value RESULT LABEL FIELD: a median from bench_alternate's RESULT
# (FIELD 2: seconds, 3: KiB, 4: "cut" or nothing).
bench_value() { awk -v l="$2" -v f="$3" '$1 == l { print $f }' "$1"; }
