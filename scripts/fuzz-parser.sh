#!/usr/bin/env bash
# libFuzzer run of the rescap core (tests/fuzz/parser_fuzzer.cpp).
#   scripts/fuzz-parser.sh [--seconds S] [--build DIR] [--jobs N] [-- extra libFuzzer flags]
# Builds the fuzzer with clang (-DRESCAP_FUZZ=ON, ASan+UBSan), extracts a
# seed corpus from captures/*.pcap (UDP payloads and reassembled TCP
# directions), and fuzzes for S seconds (default 60). The growing corpus is
# kept in DIR/corpus; crashes, leaks and timeouts land in DIR/artifacts and
# make the script fail. Replay one with: DIR/parser_fuzzer DIR/artifacts/<file>
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
seconds=60 build=build-fuzz jobs=1 extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: $0 [--seconds S] [--build DIR] [--jobs N] [-- libFuzzer flags]" >&2; exit 2 ;;
  esac
done
source scripts/lib/deps.sh
# clang + libclang-rt-14-dev (libclang_rt.fuzzer, the ASan/UBSan runtimes of clang).
install_packages clang libclang-rt-14-dev

source scripts/lib/build.sh
rescap_build "$build" -DRESCAP_FUZZ=ON -DRESCAP_BUILD_TESTS=OFF --target parser_fuzzer \
  -DCMAKE_C_COMPILER="$(command -v clang)" -DCMAKE_CXX_COMPILER="$(command -v clang++)"

/usr/bin/python3 tests/fuzz/extract_seeds.py "$build/seeds" captures/*.pcap
mkdir -p "$build/corpus" "$build/artifacts"
rm -f "$build"/artifacts/* "$build"/fuzz-*.log

echo "== fuzzing rescap::parse_message for ${seconds}s (jobs: $jobs)"
rc=0
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
"$build/parser_fuzzer" "$build/corpus" "$build/seeds" \
  -dict=tests/fuzz/rescap.dict -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=70000 -print_final_stats=1 -artifact_prefix="$build/artifacts/" \
  $([ "$jobs" -gt 1 ] && echo "-jobs=$jobs -workers=$jobs") "${extra[@]}" \
  >"$build/fuzz.log" 2>&1 || rc=$?
[ "$jobs" -gt 1 ] && cat fuzz-*.log >>"$build/fuzz.log" 2>/dev/null && rm -f fuzz-*.log
grep -E "^#[0-9]+.*(INITED|DONE|pulse)|stat::|ERROR|invariant broken|SUMMARY" "$build/fuzz.log" | tail -n 15 || true

artifacts=$(find "$build/artifacts" -type f | wc -l)
if [ "$rc" -ne 0 ] || [ "$artifacts" -gt 0 ]; then
  echo "fuzz-parser: FAILED (exit $rc, $artifacts artifact(s)); full log: $build/fuzz.log"
  for a in "$build"/artifacts/*; do [ -f "$a" ] && echo "  replay: $build/parser_fuzzer $a"; done
  exit 1
fi
echo "fuzz-parser: no crash in ${seconds}s; corpus: $(find "$build/corpus" -type f | wc -l) files"
