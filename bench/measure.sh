# SPDX-License-Identifier: GPL-2.0-or-later
# Sourced by bench/run.sh and bench/memory-growth.sh.
# measure HOME OUTFILE ARGS...: one tshark run (as nobody, output to
# /dev/null) under /usr/bin/time -v; prints "<wall seconds> <max RSS KiB>".
measure() {
  local home=$1 tf=$2; shift 2
  RESCAP_TSHARK_PREFIX="/usr/bin/time -v -o $tf" rescap_tshark "$home" "$@" >/dev/null 2>"$tf.err" \
    || { echo "tshark $* failed:" >&2; tail -n 5 "$tf.err" "$tf" >&2; return 1; }
  /usr/bin/python3 - "$tf" <<'PY'
import re, sys
t = open(sys.argv[1]).read()
w = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", t).group(1)
secs = 0.0
for part in w.split(":"):
    secs = secs * 60 + float(part)
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
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
