#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# libFuzzer runs of every pure recogniser of plugin/core: the targets of
# tests/fuzz/targets.txt (doc/fuzzing.md says what each one checks).
#   scripts/fuzz-core.sh [--seconds S] [--build DIR] [--only NAME[,NAME...]] [-- extra libFuzzer flags]
# Builds all targets with clang (-DRESCAP_FUZZ=ON: ASan + UBSan +
# _GLIBCXX_ASSERTIONS), seeds each from the sample captures (or
# nmap-service-probes), its dictionary and tests/fuzz/regressions/NAME/, and
# fuzzes each for S seconds (default 20), one after the other. A target
# fails on any crash, sanitizer report, broken invariant, leak, timeout
# (10 s per input) or out-of-memory (2 GiB). One line per target, then
# "N passed, M failed"; the script fails when M > 0. The growing corpora
# stay in DIR/corpus/NAME (DIR defaults to build-fuzz), logs in DIR/logs,
# failing inputs in DIR/artifacts/NAME; replay one with: DIR/NAME FILE
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
seconds=20 build=build-fuzz only="" extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --seconds) seconds=$2; shift 2 ;;
    --build) build=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) echo "usage: $0 [--seconds S] [--build DIR] [--only NAME[,NAME...]] [-- libFuzzer flags]" >&2; exit 2 ;;
  esac
done
source scripts/lib/deps.sh
# clang + libclang-rt-dev (libclang_rt.fuzzer and the ASan/UBSan runtimes of the
# suite's clang: libclang-rt-14-dev on bookworm, a newer one in the matrix roots).
install_packages clang libclang-rt-dev

source scripts/lib/build.sh
echo "== building the fuzz targets (clang, ASan+UBSan) in $build"
mkdir -p "$build"
rescap_build "$build" -DRESCAP_FUZZ=ON -DRESCAP_BUILD_TESTS=OFF --target fuzzers \
  -DCMAKE_C_COMPILER="$(command -v clang)" -DCMAKE_CXX_COMPILER="$(command -v clang++)" >"$build/build.log" 2>&1 ||
  { tail -n 40 "$build/build.log"; echo "fuzz-core: build FAILED (full log: $build/build.log)"; exit 1; }

captures=(captures/*.pcap captures/ghost/*.pcap)
nmap_probes=/usr/share/nmap/nmap-service-probes  # Debian nmap-common, in RESCAP_PACKAGES
mkdir -p "$build/logs"
passed=0 failed=0 lines=()

# One target: seeds, run, verdict (appended to `lines`).
fuzz_one() {
  local name=$1 format=$2 inputs=$3 dict=$4 max_len=$5
  local seeds=$build/seeds/$name corpus=$build/corpus/$name artifacts=$build/artifacts/$name
  local log=$build/logs/$name.log rc=0 files=() flags=()
  rm -rf "$seeds" "$artifacts"
  mkdir -p "$seeds" "$corpus" "$artifacts"
  case "$inputs" in
    captures) files=("${captures[@]}") ;;
    nmap) [ -f "$nmap_probes" ] && files=("$nmap_probes") ;;
  esac
  /usr/bin/python3 tests/fuzz/extract_seeds.py "$format" "$seeds" --max-len "$max_len" "${files[@]}" >/dev/null
  [ -d "tests/fuzz/regressions/$name" ] && cp tests/fuzz/regressions/"$name"/* "$seeds"/
  [ "$dict" != - ] && flags+=(-dict="tests/fuzz/$dict")
  # A hang before libFuzzer's own clock starts is bounded too.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    timeout $((seconds + 120)) "$build/$name" "$corpus" "$seeds" "${flags[@]}" -max_total_time="$seconds" \
    -timeout=10 -rss_limit_mb=2048 -max_len="$max_len" -print_final_stats=1 -artifact_prefix="$artifacts/" \
    "${extra[@]}" </dev/null >"$log" 2>&1 || rc=$?
  local execs kinds
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  # What libFuzzer wrote: crash-, leak-, timeout-, oom- (slow-unit- is only a note).
  kinds=$(find "$artifacts" -type f \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) \
    -printf '%f\n' | sed 's/-.*//' | sort -u | paste -sd, -)
  if [ "$rc" -eq 0 ] && [ -z "$kinds" ]; then
    passed=$((passed + 1))
    lines+=("$(printf '%-22s ok      %10s execs in %ss, corpus %s files' "$name" "${execs:-?}" "$seconds" \
      "$(find "$corpus" -type f | wc -l)")")
    return
  fi
  failed=$((failed + 1))
  [ "$rc" -eq 124 ] && kinds=${kinds:+$kinds,}hang
  lines+=("$(printf '%-22s FAILED  %10s execs (%s, exit %s); log: %s' "$name" "${execs:-?}" "${kinds:-error}" "$rc" "$log")")
  # The finding in the harness's or the sanitizer's words, and where in our
  # code (no input octets: libFuzzer's own dump of the input is left out).
  while IFS= read -r l; do lines+=("    $l"); done < <(grep -E \
    "invariant broken|ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|Assertion .* failed|^ +#[0-9]+ .* in ((rescap|ghostports|decap)::|LLVMFuzzerTestOneInput)" \
    "$log" | sed -E -e 's/^ *(#[0-9]+) 0x[0-9a-f]+ in /\1 /; s/ \(BuildId: [0-9a-f]+\)//; s/std::span<[^>]*>/span/g' \
      -e "s/^.*(Assertion .* failed).*$/\\1/; s|$here/||g" |
    cut -c1-200 | head -n 8 || true)
  for a in "$artifacts"/*; do [ -f "$a" ] && lines+=("    replay: $build/$name $a"); done
  return 0
}

mapfile -t targets < <(grep -E '^[a-z]' tests/fuzz/targets.txt)
for target in "${targets[@]}"; do
  read -r name format inputs dict max_len <<<"$target"
  [ -n "$only" ] && [[ ",$only," != *",$name,"* ]] && continue
  echo "== fuzzing $name for ${seconds}s"
  first=${#lines[@]}
  fuzz_one "$name" "$format" "$inputs" "$dict" "$max_len"
  printf '%s\n' "${lines[@]:$first}"
done

echo "== fuzz-core summary"
printf '%s\n' "${lines[@]}"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
