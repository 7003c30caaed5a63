#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Records every capture in this folder from real socket traffic on loopback.
#
#   bash tools/captures/record.sh            # all scenarios
#   bash tools/captures/record.sh udp_basic  # only the named ones
#
# Per scenario: dumpcap on lo with a capture filter for the scenario's server
# ports -> wait until it really captures -> server process + client process
# (scenarios.py) play the scenario sequentially -> dumpcap stopped with SIGINT
# -> scenarios.py finish verifies the pcap against what was sent and writes the
# manifest <name>.json -> frame count cross-checked with capinfos.
# Needs root (ports 283/403, capturing on lo).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
OUT="$(cd "$HERE/../../captures" && pwd)"  # the pcaps and manifests live in captures/
PY=/usr/bin/python3
cd "$HERE"

need_pkgs=()
command -v dumpcap >/dev/null 2>&1 || need_pkgs+=(tshark)
command -v tshark >/dev/null 2>&1 || need_pkgs+=(tshark)
command -v capinfos >/dev/null 2>&1 || need_pkgs+=(tshark)
command -v openssl >/dev/null 2>&1 || need_pkgs+=(openssl)
[ -x "$PY" ] || need_pkgs+=(python3)
if [ ${#need_pkgs[@]} -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    echo "wireshark-common wireshark-common/install-setuid boolean false" | debconf-set-selections || true
    apt-get update
    apt-get install -y --no-install-recommends $(printf '%s\n' "${need_pkgs[@]}" | sort -u)
fi

TMP="$(mktemp -d /tmp/rescap-record.XXXXXX)"
DUMPCAP_PID=""
cleanup() {
    if [ -n "$DUMPCAP_PID" ] && kill -0 "$DUMPCAP_PID" 2>/dev/null; then
        kill -INT "$DUMPCAP_PID" 2>/dev/null || true
        wait "$DUMPCAP_PID" 2>/dev/null || true
    fi
    rm -rf "$TMP"
}
trap cleanup EXIT

# self-signed certificate for the TLS sessions (never committed)
mkdir -p "$TMP/tls"
openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes \
    -keyout "$TMP/tls/key.pem" -out "$TMP/tls/cert.pem" -days 30 \
    -subj "/CN=localhost" >/dev/null 2>&1
export RESCAP_TLS_DIR="$TMP/tls"

# expected experts declared by hand must agree with the independent checker
$PY scenarios.py selfcheck >/dev/null

record_one() {
    local name="$1" d="$TMP/$1" filter frames json_frames
    rm -rf "$d"; mkdir -p "$d"
    filter="$($PY scenarios.py filter "$name")"
    dumpcap -i lo -P -f "$filter" -w "$d/cap.pcap" >"$d/dumpcap.log" 2>&1 &
    DUMPCAP_PID=$!
    # wait until dumpcap reports that it is capturing into the file
    for _ in $(seq 1 100); do
        grep -q "^File: " "$d/dumpcap.log" 2>/dev/null && break
        kill -0 "$DUMPCAP_PID" 2>/dev/null || { cat "$d/dumpcap.log"; return 1; }
        sleep 0.1
    done
    grep -q "^File: " "$d/dumpcap.log" || { echo "dumpcap did not start"; return 1; }
    sleep 0.7
    $PY scenarios.py server "$name" "$d" &
    local spid=$!
    if ! $PY scenarios.py client "$name" "$d"; then
        kill "$spid" 2>/dev/null || true; wait "$spid" 2>/dev/null || true
        kill -INT "$DUMPCAP_PID"; wait "$DUMPCAP_PID" || true; DUMPCAP_PID=""
        return 1
    fi
    wait "$spid" || { kill -INT "$DUMPCAP_PID"; wait "$DUMPCAP_PID" || true; DUMPCAP_PID=""; return 1; }
    sleep 0.7
    kill -INT "$DUMPCAP_PID"
    wait "$DUMPCAP_PID" || true
    DUMPCAP_PID=""
    grep -q "Packets captured: [1-9]" "$d/dumpcap.log" || { cat "$d/dumpcap.log"; return 1; }
    $PY scenarios.py finish "$name" "$d/cap.pcap" "$d/cap.json" || return 1
    frames="$(capinfos -M -c "$d/cap.pcap" | awk -F: '/Number of packets/ {gsub(/ /,"",$2); print $2}')"
    json_frames="$($PY -c 'import json,sys; print(json.load(open(sys.argv[1]))["frames"])' "$d/cap.json")"
    local captured
    captured="$(sed -n 's/.*Packets captured: \([0-9]*\).*/\1/p' "$d/dumpcap.log" | tail -1)"
    if [ "$frames" != "$json_frames" ] || [ "$frames" != "$captured" ]; then
        echo "$name: frame counts differ (capinfos $frames, reader $json_frames, dumpcap $captured)"
        return 1
    fi
    chmod 644 "$d/cap.pcap"
    mv "$d/cap.pcap" "$OUT/$name.pcap"
    # the manifest names the final pcap
    $PY - "$d/cap.json" "$OUT/$name.json" "$name.pcap" <<'EOF'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["pcap"] = sys.argv[3]
with open(sys.argv[2], "w") as f:
    json.dump(doc, f, indent=1)
    f.write("\n")
EOF
}

names=("$@")
[ ${#names[@]} -gt 0 ] || read -r -a names <<<"$($PY scenarios.py list)"
failed=()
for n in "${names[@]}"; do
    ok=""
    for attempt in 1 2 3; do
        if record_one "$n"; then ok=1; break; fi
        echo "$n: attempt $attempt failed, retrying" >&2
        sleep 2
    done
    [ -n "$ok" ] || failed+=("$n")
done
du -ch "$OUT"/*.pcap | tail -1
if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]}" >&2
    exit 1
fi
echo "all ${#names[@]} captures recorded"
