# SPDX-License-Identifier: GPL-2.0-or-later
# How the pytest suite is spread over the machine's cores. Each test runs
# its own tshark over its own files (a per-session temporary folder:
# tests/dissection/rescaptest.py), so pytest-xdist (python3-pytest-xdist,
# installed with the test packages: scripts/lib/deps.sh) can run them side
# by side; without it the suite runs in one process as before. A library:
# sets no shell options.
#
#   /usr/bin/python3 -m pytest $(rescap_pytest_workers) tests/dissection ...

rescap_pytest_workers() {
  if /usr/bin/python3 -c 'import xdist' 2>/dev/null; then
    echo "-n auto"
  fi
}
