#!/usr/bin/env bash
# The whole test suite: GoogleTest unit tests of the parser (CTest) and the
# pytest suite that runs tshark with the freshly built plugin over every
# bundled capture.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/deps.sh
install_packages

build=${RESCAP_BUILD_DIR:-build}
cmake -S . -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESCAP_BUILD_TESTS=ON >/dev/null
cmake --build "$build" -j"$(nproc)"

echo "== unit tests (ctest)"
ctest --test-dir "$build" --output-on-failure

echo "== dissection tests (pytest over tshark)"
# The unprivileged tshark must be able to read the captures.
chmod a+rX captures captures/*.pcap
export RESCAP_PLUGIN="$here/$build/rescap.so"
/usr/bin/python3 -m pytest -q tests -p no:cacheprovider
