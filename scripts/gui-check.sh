#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# GUI check: runs the real Wireshark (Qt) with the freshly built plugin under
# Xvfb, as an unprivileged user with a private HOME (as the tests do), over
# sample captures: a decoded response with its tree open, the stats tree
# (Statistics > RESCAP), Expert Information, and a not-rescap payload on 283.
# Saves screenshots and fails when Wireshark crashes, prints a warning or a
# critical message, or does not load the plugin.
#
#   scripts/gui-check.sh [--out DIR] [--plugin FILE]
#
# Screenshots go to DIR (default build/gui-check/). Needs root or sudo for
# apt (wireshark xvfb xdotool imagemagick), once. The package is "wireshark"
# because trixie and later dropped the transitional "wireshark-qt" name.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/lib/tshark.sh

out=build/gui-check
plugin=${RESCAP_PLUGIN:-$here/build/rescap.so}
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--plugin FILE]" >&2; exit 2 ;;
  esac
done

need=()
for tool in wireshark:wireshark Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool#*:}")
done
if [ ${#need[@]} -gt 0 ]; then
  sudo_=(); [ "$(id -u)" -eq 0 ] || sudo_=(sudo)
  "${sudo_[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
    --no-install-recommends "${need[@]}" >/dev/null
fi
[ -f "$plugin" ] || { cmake -S . -B build >/dev/null && cmake --build build -j"$(nproc)" >/dev/null; }

mkdir -p "$out"
work=$(mktemp -d /tmp/rescap-gui.XXXXXX)
xvfb_pid=
cleanup() {
  [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

home=$work/home
rescap_home "$home" "$plugin"
# The colouring rules the README tells users to import, preinstalled here.
mkdir -p "$home/.config/wireshark"
cp doc/rescap.colorfilters "$home/.config/wireshark/colorfilters"
# A fixed layout: list, details, bytes; no column autosize surprises.
cat >"$home/.config/wireshark/recent_common" <<'EOF'
gui.geometry_main_x: 0
gui.geometry_main_y: 0
gui.geometry_main_width: 1280
gui.geometry_main_height: 900
gui.geometry_main_maximized: TRUE
privs.warn_if_elevated: FALSE
EOF
# Packet list above the details, no bytes pane: room for the tree.
cat >"$home/.config/wireshark/preferences" <<'EOF'
gui.update.enabled: FALSE
gui.layout_type: 1
gui.layout_content_1: PLIST
gui.layout_content_2: PDETAILS
gui.layout_content_3: NONE
EOF
chmod -R a+rwX "$home"
cp captures/*.pcap "$work/" && chmod a+r "$work"/*.pcap && chmod a+rx "$work"

# A private X server on a high display number (other sessions on this
# machine may use the low ones), checked to accept clients before use.
display=
for attempt in 1 2 3 4 5; do
  n=$((200 + (RANDOM % 700)))
  [ -e "/tmp/.X$n-lock" ] && continue
  Xvfb ":$n" -screen 0 1280x900x24 -nolisten tcp -ac >"$work/xvfb.log" 2>&1 &
  xvfb_pid=$!
  for _ in $(seq 50); do
    DISPLAY=":$n" xdotool getdisplaygeometry >/dev/null 2>&1 && { display=":$n"; break; }
    sleep 0.1
  done
  [ -n "$display" ] && break
  kill "$xvfb_pid" 2>/dev/null || true
  xvfb_pid=
done
[ -n "$display" ] || { echo "Xvfb did not start: $(tail -n3 "$work/xvfb.log")" >&2; exit 1; }
export DISPLAY=$display

# Qt wants a private runtime folder owned by the user it runs as.
runtime=$work/runtime
mkdir -p "$runtime" && chmod 700 "$runtime"
[ "$(id -u)" -eq 0 ] && chown nobody "$runtime"

failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# Runs Wireshark as nobody; $1 = log name, rest = arguments. Sets $ws_pid.
start_wireshark() {
  local log=$work/$1.log; shift
  xdotool getdisplaygeometry >/dev/null 2>&1 || fail "$(basename "$log" .log): the X server $display is gone"
  local -a as=()
  [ "$(id -u)" -eq 0 ] && as=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  "${as[@]}" env HOME="$home" DISPLAY="$display" XDG_RUNTIME_DIR="$runtime" QT_QPA_PLATFORM=xcb \
    wireshark "$@" >"$log" 2>&1 &
  ws_pid=$!
}

# Waits until a window whose name matches $1 is mapped; prints its id.
wait_window() {
  local id
  for _ in $(seq 120); do
    id=$(xdotool search --onlyvisible --name "$1" 2>/dev/null | tail -n1 || true)
    [ -n "$id" ] && { echo "$id"; return 0; }
    sleep 0.5
  done
  return 1
}

shot() {  # shot NAME: the whole screen
  import -window root "$out/$1.png"
}

stop_wireshark() {  # stop_wireshark LOGNAME
  if ! kill -0 "$ws_pid" 2>/dev/null; then
    wait "$ws_pid" && rc=0 || rc=$?
    fail "$1: Wireshark exited early (status $rc)"
  else
    kill "$ws_pid"
    wait "$ws_pid" 2>/dev/null || true
  fi
  local log=$work/$1.log
  # Warnings and criticals from GLib/Qt/Wireshark, minus known noise from a
  # headless X server without a session bus.
  local bad
  bad=$(grep -Ei 'warn|critical|error|dissector bug|segmentation|abort' "$log" |
    grep -Evi 'dbus|accessibility|at-spi|XDG_RUNTIME_DIR|QStandardPaths|libEGL|MESA|glx|failed to load module "canberra' || true)
  [ -z "$bad" ] || fail "$1: Wireshark printed: $bad"
}

# Without a window manager nothing has the focus: place the main window
# and give it the keyboard (keys then go through XTEST).
focus() {
  xdotool windowmove "$1" 0 0 windowsize "$1" 1280 900
  xdotool windowfocus --sync "$1"
  sleep 1
}

# Expands the packet details: click in the tree, expand all, then collapse
# the layers above rescap/decap (Frame, Ethernet, IP, UDP/TCP).
open_details() {
  local win=$1 layers=$2
  focus "$win"
  xdotool mousemove 200 505 click 1
  sleep 0.5
  xdotool key ctrl+Right
  sleep 0.5
  xdotool key Home
  for _ in $(seq "$layers"); do
    xdotool key Left Down
  done
  sleep 1
}

began=$(date +%s)

# 1. Plugin loaded: Wireshark's own plugin list (as tshark reads the same folder).
rescap_check_loaded "$home" || fail "plugin not loaded from $home"

# 2. A decoded response, tree open (nested_1999 frame 4: a 1999 signed response).
start_wireshark response -r "$work/nested_1999.pcap" -g 4
win=$(wait_window "nested_1999") || fail "response: no main window"
sleep 3
[ -n "${win:-}" ] && open_details "$win" 4
shot response
stop_wireshark response

# 3. The stats tree: Statistics > RESCAP, the menu's last entry (the Qt GUI
# has no -z for stats trees).
start_wireshark stats -r "$work/udp_then_tcp_retry.pcap"
main=$(wait_window "udp_then_tcp_retry") || fail "stats: no main window"
if [ -n "${main:-}" ]; then
  focus "$main"
  xdotool key alt+s
  sleep 1
  xdotool key Up Return
fi
win=$(wait_window "RESCAP") || fail "stats: no RESCAP statistics window (Statistics > RESCAP)"
if [ -n "${win:-}" ]; then
  xdotool windowmove "$win" 40 40 windowsize "$win" 1100 800
  sleep 3
fi
shot stats
stop_wireshark stats

# 4. Not rescap on 283 (TLS, HTTP, SSH on the rescap port), Expert Information.
start_wireshark not_rescap -r "$work/not_rescap_283.pcap" -g 4 -z expert
win=$(wait_window "Expert Information") || fail "expert: no Expert Information window"
sleep 3
shot expert
[ -n "${win:-}" ] && xdotool windowunmap "$win"
main=$(xdotool search --onlyvisible --name "not_rescap_283" 2>/dev/null | head -n1 || true)
[ -n "$main" ] && open_details "$main" 4
shot not_rescap
stop_wireshark not_rescap

echo "GUI check: $(($(date +%s) - began)) s, screenshots in $out/"
[ "$failures" -eq 0 ] || { echo "GUI check: $failures failure(s)" >&2; exit 1; }
echo "GUI check: OK"
