#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Records the ghost-port service captures in captures/ghost/ from REAL Debian
# servers and clients on loopback (ports 283 and 403), plus hand-built tunnel
# payloads and near-misses.
#
#   bash tools/ghost/record.sh                      # every scenario
#   bash tools/ghost/record.sh ssh_pubkey_283 ...   # only the named ones
#   /usr/bin/python3 tools/ghost/ghost.py list      # the scenario names
#
# Needs root (ports below 1024, capturing on lo, a temporary test account).
# Steps:
#  1. installs the Debian packages it needs (apt-get, noninteractive; the
#     daemons their postinst might start are found by pid and stopped);
#  2. creates the temporary account "ghostuser" (ssh/ftp/telnet/SOCKS logins);
#  3. per scenario (tools/ghost/ghostlib.py record()): dumpcap -i lo -f
#     '<filter for the port>' -> waits until dumpcap reports its file -> the
#     server starts from a temp config under a mktemp dir, bound to 127.0.0.1
#     -> its real client talks to it (every step has a timeout) -> dumpcap
#     gets SIGINT -> every process the scenario started is stopped by pid ->
#     the pcap is checked (capinfos frame count, the bytes the client sent,
#     the banner, stock tshark decode-as) -> <name>.pcap + <name>.json;
#  4. removes the account, rewrites captures/ghost/README.md.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib/install-servers.sh"
OUT="$(cd "$HERE/../.." && pwd)/captures/ghost"
PY=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
[ "$(id -u)" -eq 0 ] || { echo "record.sh must run as root" >&2; exit 2; }

PKGS=(
  tshark openssl curl python3 python3-scapy python3-pexpect util-linux passwd iproute2 procps
  openssh-server openssh-client nginx-light dnsmasq-base bind9-dnsutils vsftpd ftp
  inetutils-telnetd inetutils-telnet openbsd-inetd slapd ldap-utils redis-server redis-tools
  memcached libmemcached-tools tftpd-hpa tftp-hpa coturn exim4-daemon-light swaks dante-server
  dovecot-imapd dovecot-pop3d mariadb-server mariadb-client postgresql-15 postgresql-client-15
  mosquitto mosquitto-clients snmpd snmp chrony rsyslog bsdutils sip-tester rsync git ngircd
  openvpn wireguard-tools wireguard-go rpcbind nfs-common socat prosody
)
# daemons whose package scripts could start them; new ones are stopped by pid
DAEMONS='sshd|nginx|dnsmasq|vsftpd|inetd|slapd|redis-server|memcached|in.tftpd|turnserver|exim4|danted|sockd|dovecot|mariadbd|mysqld|postgres|mosquitto|snmpd|chronyd|rsyslogd|ngircd|prosody|rpcbind|rpc.statd|openvpn'

debconf-set-selections <<'EOF'
wireshark-common wireshark-common/install-setuid boolean false
slapd slapd/no_configuration boolean true
EOF
install_servers "$DAEMONS" "${PKGS[@]}"

mkdir -p "$OUT"
cleanup() {
  "$PY" "$HERE/ghost.py" user-del || true
}
trap cleanup EXIT
"$PY" "$HERE/ghost.py" user-add

start=$(date +%s)
rc=0
# bounded as a whole too; SIGTERM lets ghost.py stop what it started
timeout -s TERM 3600 "$PY" "$HERE/ghost.py" record "$@" || rc=$?
"$PY" "$HERE/ghost.py" readme
chmod a+r "$OUT"/* 2>/dev/null || true
echo "record.sh: $(( $(date +%s) - start ))s, exit $rc; $(du -ch "$OUT"/*.pcap | tail -1 | cut -f1) of pcaps in $OUT"
exit $rc
