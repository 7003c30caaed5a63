# SPDX-License-Identifier: GPL-2.0-or-later
# The recorders' one way to install server packages (sourced by
# tools/ghost/record.sh and tools/eval/record.sh; sets no shell options):
#
#   install_servers DAEMONS PKG...
#
# Installs the packages not installed yet with no daemon starting while
# installing (a policy-rc.d that says no, when the machine has none), then
# stops by pid any process named in DAEMONS (a pgrep -x pattern) that a
# package's scripts started anyway: recordings start their own servers, on
# loopback, and stop them.
install_servers() {
  local daemons=$1 p status made_policy= before pid
  shift
  local -a missing=()
  for p in "$@"; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$p")
  done
  [ ${#missing[@]} -gt 0 ] || return 0
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    printf '#!/bin/sh\n# rescap recorders: no daemon starts while installing\nexit 101\n' >/usr/sbin/policy-rc.d
    chmod 755 /usr/sbin/policy-rc.d
    made_policy=1
  fi
  before=" $(pgrep -d ' ' -x "$daemons" 2>/dev/null || true) "
  timeout 1800 apt-get -o DPkg::Lock::Timeout=900 update -qq
  timeout 3000 apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  [ -z "$made_policy" ] || rm -f /usr/sbin/policy-rc.d
  for pid in $(pgrep -x "$daemons" 2>/dev/null || true); do
    case "$before" in *" $pid "*) continue ;; esac
    [ "$(ps -o ppid= -p "$pid" | tr -d ' ')" = 1 ] || continue
    echo "stopping $(ps -o comm= -p "$pid") (pid $pid) started by its package"
    kill "$pid" 2>/dev/null || true
  done
}
