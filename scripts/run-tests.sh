#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The whole test suite: GoogleTest unit tests of the parser (CTest) and the
# pytest suite that runs tshark with the freshly built plugin over every
# bundled capture.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/lib/deps.sh
# libbenchmark-dev: the Google Benchmark target (bench/parser_bench.cpp) is built too.
install_packages libbenchmark-dev

source scripts/lib/build.sh

build=${RESCAP_BUILD_DIR:-build}
# Every target of the normal build: plugin, unit tests, benchmark (built, not run).
rescap_build "$build" -DRESCAP_BUILD_TESTS=ON -DRESCAP_BENCH=ON

echo "== unit tests (ctest)"
ctest --test-dir "$build" --output-on-failure

echo "== dissection tests (pytest over tshark)"
# The unprivileged tshark must be able to read the captures.
chmod a+rX captures captures/*.pcap
export RESCAP_PLUGIN="$here/$build/rescap.so"
source scripts/lib/pytest.sh
# shellcheck disable=SC2046  # the workers option is two words or none
/usr/bin/python3 -m pytest -q $(rescap_pytest_workers) tests/dissection -p no:cacheprovider

# The real Wireshark GUI under Xvfb (about 1 minute): plugin loaded, no
# crash, no warning; screenshots in build/gui-check/ (scripts/gui-check.sh).
echo "== GUI check (scripts/gui-check.sh)"
RESCAP_PLUGIN="$RESCAP_PLUGIN" bash scripts/gui-check.sh --out "$build/gui-check"

# Robustness: ASan+UBSan build, unit tests + pytest + mutation fuzz smoke
# (~150 s) with tshark running the sanitizer build (see scripts/sanitize.sh).
# RESCAP_SKIP_SANITIZE=1 skips it for a quick local run.
if [ -z "${RESCAP_SKIP_SANITIZE:-}" ]; then
  echo "== sanitizers (scripts/sanitize.sh)"
  bash scripts/sanitize.sh
fi

# libFuzzer: every pure recogniser of plugin/core, 15 s each
# (RESCAP_FUZZ_SECONDS), after a clang build of all targets: about 3 minutes
# on 2 cores (scripts/fuzz-core.sh, doc/fuzzing.md). RESCAP_SKIP_FUZZ=1, or
# RESCAP_SKIP_SANITIZE=1 for the quick local run, skips it.
if [ -z "${RESCAP_SKIP_SANITIZE:-}${RESCAP_SKIP_FUZZ:-}" ]; then
  echo "== libFuzzer targets (scripts/fuzz-core.sh)"
  bash scripts/fuzz-core.sh --seconds "${RESCAP_FUZZ_SECONDS:-15}"
fi
