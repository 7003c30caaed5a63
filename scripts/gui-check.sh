#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# GUI check: runs the real Wireshark (Qt) with the freshly built plugin under
# Xvfb, as an unprivileged user with a private HOME (as the tests do), over
# sample captures: a decoded response with its tree open, the stats tree
# (Statistics > RESCAP), Expert Information, and a not-rescap payload on 283.
# Then it works as an analyst would: installs the "Ghost ports" profile (a
# copy, as scripts/install.sh does), picks it from the status bar's profile
# menu, opens a capture with cleartext logins on 283 and 403 and checks, from
# Wireshark's own CSV export (File > Export Packet Dissections), tshark and
# the screenshot's pixels, that each login frame is coloured by "Ghost port:
# cleartext login or shell" and says its finding first in Info; then opens
# Statistics > Ghost ports (283, 403) inventory. Saves screenshots and fails
# when Wireshark crashes, prints a warning or a critical message, or does not
# load the plugin.
#
#   scripts/gui-check.sh [--out DIR] [--plugin FILE] [--profile DIR]
#
# The profile defaults to the one CMake made next to the plugin
# (<build>/profile). Screenshots go to DIR (default build/gui-check/).
# Needs root or sudo for
# apt (wireshark xvfb xdotool imagemagick python3-scapy), once. The package is "wireshark"
# because trixie and later dropped the transitional "wireshark-qt" name.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
source scripts/lib/tshark.sh

out=build/gui-check
plugin=${RESCAP_PLUGIN:-$here/build/rescap.so}
profile_src=
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --plugin) plugin=$2; shift 2 ;;
    --profile) profile_src=$2; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--plugin FILE] [--profile DIR]" >&2; exit 2 ;;
  esac
done

need=()
for tool in wireshark:wireshark Xvfb:xvfb xdotool:xdotool import:imagemagick; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool#*:}")
done
# The capture with findings is made with scapy (tests/dissection/ghostsynth.py).
/usr/bin/python3 -c 'import scapy' 2>/dev/null || need+=(python3-scapy)
if [ ${#need[@]} -gt 0 ]; then
  sudo_=(); [ "$(id -u)" -eq 0 ] || sudo_=(sudo)
  "${sudo_[@]}" apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_[@]}" apt-get -o DPkg::Lock::Timeout=900 install -y -qq \
    --no-install-recommends "${need[@]}" >/dev/null
fi
[ -f "$plugin" ] || { cmake -S . -B build >/dev/null && cmake --build build -j"$(nproc)" >/dev/null; }
profile_src=${profile_src:-$(dirname "$plugin")/profile}
[ -f "$profile_src/colorfilters" ] || { echo "no Ghost ports profile in $profile_src (configure with CMake first)" >&2; exit 2; }

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
mkdir -p "$home/.config/wireshark"
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
layout='gui.update.enabled: FALSE
gui.layout_type: 1
gui.layout_content_1: PLIST
gui.layout_content_2: PDETAILS
gui.layout_content_3: NONE'
printf '%s\n' "$layout" >"$home/.config/wireshark/preferences"
# The "Ghost ports" profile as scripts/install.sh installs it for a user: a
# copy in the personal profiles folder. Plus the harness's layout; the
# column widths are the profile's.
profile="Ghost ports"
profile_dir=$home/.config/wireshark/profiles/$profile
mkdir -p "$profile_dir"
cp -R "$profile_src/." "$profile_dir/"
printf '\n# gui-check.sh layout\n%s\n' "$layout" >>"$profile_dir/preferences"
# The column widths are the profile's own (doc/profile/recent).
[ -f "$profile_dir/recent" ] || { echo "no column widths (recent) in the profile $profile_src" >&2; exit 2; }
cp "$home/.config/wireshark/recent_common" "$work/recent_common.default"
chmod -R a+rwX "$home"
cp captures/*.pcap "$work/" && chmod a+r "$work"/*.pcap && chmod a+rx "$work"

# Cleartext logins on the ghost ports (tests/dissection/ghostsynth.py): FTP
# and HTTP Basic on 283, Telnet on 403. Prints what the generator sent: one
# line per login, "Cleartext <protocol> login, user <user>", the words the
# frame's Info must start with.
findings_pcap=$work/ghost_findings.pcap
expected=$(/usr/bin/python3 - "$findings_pcap" <<'EOF'
import sys
sys.path.insert(0, "tests/dissection")
from ghostsynth import EXPOSURE_SCENARIOS
from scapy.all import wrpcap

packets = []
for name in ("ftp_login", "http_basic", "telnet_login"):
    conversation, exposures = EXPOSURE_SCENARIOS[name]()
    packets += conversation.packets
    for e in exposures:
        if e["kind"] == "cleartext_login":
            print("Cleartext %s login, user %s" % (e["protocol"], e["user"]))
for i, p in enumerate(packets):
    p.time = 1700000000 + i / 100
wrpcap(sys.argv[1], packets)
EOF
)
chmod a+r "$findings_pcap"
export_dir=$work/export
mkdir -p "$export_dir" && chmod a+rwx "$export_dir"

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

# Waits until a window whose name matches $1 is mapped (at most $2 half
# seconds, default 120); prints its id.
wait_window() {
  local id
  for _ in $(seq "${2:-120}"); do
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
  check_log "$1"
}

# Quits through the File menu's shortcut (Wireshark then saves its recent
# files, as for a user) and expects a clean exit within 15 s.
quit_wireshark() {  # quit_wireshark LOGNAME WINDOW
  xdotool windowfocus --sync "$2" key ctrl+q 2>/dev/null || true
  for _ in $(seq 30); do
    kill -0 "$ws_pid" 2>/dev/null || break
    sleep 0.5
  done
  if kill -0 "$ws_pid" 2>/dev/null; then
    fail "$1: Wireshark did not quit on Ctrl+Q"
    kill "$ws_pid"
    wait "$ws_pid" 2>/dev/null || true
  else
    wait "$ws_pid" && rc=0 || rc=$?
    [ "$rc" -eq 0 ] || fail "$1: Wireshark exited with status $rc"
  fi
  check_log "$1"
}

check_log() {  # check_log LOGNAME
  local log=$work/$1.log
  # Warnings and criticals from GLib/Qt/Wireshark, minus known noise from a
  # headless X server without a session bus, and Qt 6's own note on a
  # thread's storage at exit (4.4's Wireshark, after Ctrl+Q).
  local bad
  bad=$(grep -Ei 'warn|critical|error|dissector bug|segmentation|abort' "$log" |
    grep -Evi 'dbus|accessibility|at-spi|XDG_RUNTIME_DIR|QStandardPaths|libEGL|MESA|glx|failed to load module "canberra|QThreadStorage: Thread .* exited after QThreadStorage' || true)
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

# Places the inventory table (a window without decorations: no window
# manager) over the top of the screen, makes its Evidence column narrow so
# that Findings is in view, and saves the dialog as inventory.png. With the
# table scrolled fully right, Evidence's right edge sits at x=185 (the
# columns after it have fixed widths); dragging it left, a few times,
# shrinks it.
show_inventory() {  # show_inventory WINDOW
  xdotool windowmove "$1" 0 40 windowsize "$1" 1280 400
  sleep 2
  local _i _k
  for _i in 1 2 3 4 5; do
    for _k in $(seq 8); do xdotool mousemove 1250 358 click 1; done  # page right
    sleep 0.3
    xdotool mousemove 185 62 mousedown 1 mousemove 120 62 mousemove 15 62 mouseup 1
    sleep 0.3
  done
  for _k in $(seq 12); do xdotool mousemove 20 358 click 1; done  # page left
  sleep 1
  import -window root -crop 1280x400+0+40 +repage "$out/inventory.png"
}

began=$(date +%s)

# 1. Plugin loaded: Wireshark's own plugin list (as tshark reads the same folder).
rescap_check_loaded "$home" || fail "plugin not loaded from $home"

# 2. A decoded response, tree open (nested_1999 frame 2: a 1999 SignedResponse, status authorized through AuthDigest).
start_wireshark response -C "$profile" -r "$work/nested_1999.pcap" -g 2
win=$(wait_window "nested_1999") || fail "response: no main window"
sleep 3
[ -n "${win:-}" ] && open_details "$win" 4
shot response
stop_wireshark response

# 3. The stats tree: Statistics > RESCAP, the menu's last entry (the Qt GUI
# has no -z for stats trees).
start_wireshark stats -C "$profile" -r "$work/udp_then_tcp_retry.pcap"
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
start_wireshark not_rescap -C "$profile" -r "$work/not_rescap_283.pcap" -g 4 -z expert
win=$(wait_window "Expert Information") || fail "expert: no Expert Information window"
sleep 3
shot expert
[ -n "${win:-}" ] && xdotool windowunmap "$win"
main=$(xdotool search --onlyvisible --name "not_rescap_283" 2>/dev/null | head -n1 || true)
[ -n "$main" ] && open_details "$main" 4
shot not_rescap
stop_wireshark not_rescap

# 5. The analyst's daily driver: Wireshark starts in the Default profile; the
# "Ghost ports" profile is chosen from the status bar (a click on "Profile:
# Default" at the bottom right lists the profiles: Default, then the personal
# ones), over a capture of cleartext logins on 283 and 403.
rule="Ghost port: cleartext login or shell"
# tshark with the same HOME and profile: which frames the rule colours.
colours=$(rescap_tshark "$home" -r "$findings_pcap" -C "$profile" --color -T fields \
  -e frame.number -e frame.coloring_rule.name -e _ws.col.Info 2>"$work/tshark.log") ||
  fail "tshark -C \"$profile\" failed: $(head -c 300 "$work/tshark.log")"
# Each login the generator sent: a frame coloured by the rule whose Info
# starts with it. The first one's frame is the one the screenshot shows.
frame=
while IFS= read -r login; do
  [ -n "$login" ] || continue
  n=$(awk -F'\t' -v rule="$rule" -v want="$login: " \
    '$2 == rule && index($3, want) == 1 { print $1; exit }' <<<"$colours")
  [ -n "$n" ] || fail "tshark: no frame coloured \"$rule\" whose Info starts with \"$login: \""
  frame=${frame:-$n}
done <<<"$expected"
[ -n "$expected" ] || fail "the capture generator named no login"

# Back to the layout written above, Default profile: the runs above chose
# the profile with -C.
cp "$work/recent_common.default" "$home/.config/wireshark/recent_common"
inventory_seen=
start_wireshark findings -r "$findings_pcap" -g "${frame:-1}"
main=$(wait_window "ghost_findings") || fail "findings: no main window"
if [ -n "${main:-}" ]; then
  sleep 2
  focus "$main"
  xdotool mousemove 1220 888 click 1
  sleep 1
  shot profile_menu
  xdotool key Down Down Return
  sleep 3
  # Wireshark records the profile it switched to at once.
  grep -qx "gui.last_used_profile: $profile" "$home/.config/wireshark/recent_common" ||
    fail "findings: the status bar's profile menu did not switch to \"$profile\" (recent_common: $(grep last_used_profile "$home/.config/wireshark/recent_common" || echo nothing))"

  # File > Export Packet Dissections > As CSV: the packet list as Wireshark
  # shows it (the profile's columns), typed into the file dialog.
  csv=$export_dir/packets.csv
  xdotool key alt+f
  sleep 1
  # From Open: Open Recent, Merge, Import, Close, Save As, File Set, Export
  # Specified Packets, Export Packet Dissections (Save is greyed out and skipped).
  for _ in $(seq 8); do xdotool key Down; done
  xdotool key Right c
  if dialog=$(wait_window "Export Packet Dissections" 20); then
    xdotool type --delay 20 "$csv"
    xdotool key Return
    for _ in $(seq 20); do [ -s "$csv" ] && break; sleep 0.5; done
    sleep 1
    xdotool search --onlyvisible --name "Export Packet Dissections" >/dev/null 2>&1 &&
      { fail "findings: the export dialog stayed open"; xdotool key --window "$dialog" Escape; }
  else
    fail "findings: no File > Export Packet Dissections > As CSV dialog"
  fi
  if [ -s "$csv" ]; then
    cp "$csv" "$out/findings.csv"
    # Each login: a row whose Finding column is set and whose Info starts with it.
    missing=$(/usr/bin/python3 - "$csv" "$expected" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
for login in sys.argv[2].splitlines():
    if login and not any(r.get("Finding") and r.get("Info", "").startswith(login + ": ") for r in rows):
        print(login)
EOF
) || missing="(the CSV export could not be read)"
    [ -z "$missing" ] || fail "findings: Wireshark's CSV export has no row with a Finding whose Info starts with: $missing"
  else
    fail "findings: Wireshark wrote no CSV export"
  fi

  # The finding frame selected, its tree open on the rescap/decap layer
  # (Frame, Ethernet, IP, TCP collapsed).
  open_details "$main" 4
  shot finding
  # The rule's background, 16-bit [65535,36751,36751] = #FF8F8F, on the
  # other finding rows in view (the selected one shows the selection colour),
  # down the packet list right of the Info text (a row is 17 pixels high).
  pixels=$(convert "$out/finding.png" -crop 1x360+1200+110 +repage txt:- 2>&1 || true)
  red=$(grep -ci '#FF8F8F' <<<"$pixels" || true)
  [ "${red:-0}" -ge 12 ] || fail "findings: no packet-list row has the background of \"$rule\" (#FF8F8F) in finding.png"

  # Statistics > Ghost ports (283, 403) inventory. From Capture File
  # Properties: Resolved Addresses, Protocol Hierarchy, Conversations,
  # Endpoints, Packet Lengths, I/O Graphs, Service Response Time, DHCP
  # (BOOTP) Statistics, then the table statistics sorted by name.
  focus "$main"
  xdotool key alt+s
  sleep 1
  for _ in $(seq 9); do xdotool key Down; done
  xdotool key Return
  if win=$(wait_window "Ghost ports .283, 403. inventory" 20); then
    show_inventory "$win"
    inventory_seen=yes
    xdotool windowunmap "$win"
  else
    # Wireshark 4.0's Qt menus list table statistics of the group
    # REGISTER_PACKET_STAT_GROUP_UNSORTED, 9th in its Statistics menu. Later
    # versions order that menu differently: there the table is asserted
    # through -z below (the same dialog), the menu position only on 4.0.
    xdotool key Escape Escape
    if [ "$(rescap_wireshark_abi)" = 4.0 ]; then
      fail "inventory: no Statistics > Ghost ports (283, 403) inventory entry (9th in the menu) or no window from it"
    fi
  fi
  quit_wireshark findings "$main"
else
  stop_wireshark findings
fi
# The table without the menu (-z, the same dialog): its screenshot even when
# the menu entry is missing.
if [ -z "$inventory_seen" ]; then
  start_wireshark inventory -r "$findings_pcap" -z ghostports,table
  if win=$(wait_window "Ghost ports .283, 403. inventory"); then
    show_inventory "$win"
  else
    fail "inventory: no window from -z ghostports,table either"
  fi
  stop_wireshark inventory
fi

echo "GUI check: $(($(date +%s) - began)) s, screenshots in $out/"
[ "$failures" -eq 0 ] || { echo "GUI check: $failures failure(s)" >&2; exit 1; }
echo "GUI check: OK"
