#!/bin/bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Records the evaluation set captures/eval/ from REAL Debian servers and their
# clients on loopback (TCP/UDP 283 and 403), plus the near-misses, then runs
# the anchors (nDPI, Suricata) over the pcaps. See doc/evaluation.md.
#
#   bash tools/eval/record.sh                   # everything
#   bash tools/eval/record.sh bind9_udp_283 ... # only these scenarios
#   bash tools/eval/record.sh --fresh           # the fresh set (split "fresh", fresh_*), its own packages
#   bash tools/eval/record.sh --fresh2          # the fresh2 set (split "fresh2", fresh2_*), its own packages
#   bash tools/eval/record.sh --fresh3          # the fresh3 set (split "fresh3", fresh3_*), its own packages
#   bash tools/eval/record.sh --fresh4          # the fresh4 set (split "fresh4", fresh4_*), its own packages
#   bash tools/eval/record.sh --fresh5          # the fresh5 set (split "fresh5", fresh5_*), its own packages
#   bash tools/eval/record.sh --fresh6          # the fresh6 set (split "fresh6", fresh6_*), its own packages
#   bash tools/eval/record.sh --fresh7          # the fresh7 set (split "fresh7", fresh7_*), its own packages
#   /usr/bin/python3 tools/eval/eval.py list    # scenario names, service, split
#
# Needs root (ports below 1024, dumpcap on lo, a temporary account, chroot).
#  1. installs the Debian packages it needs (apt-get; a policy-rc.d that
#     answers 101 keeps their daemons from starting; any daemon that still
#     started is stopped by pid);
#  2. makes the Suricata 7 root (mmdebstrap trixie + suricata) unless present;
#  3. creates the temporary account evaluser (removed at the end);
#  4. per scenario (tools/ghost/ghostlib.py record() via tools/eval/evallib.py):
#     dumpcap -i lo -f '<port filter> and not host 127.0.0.9' -> the server
#     starts from a temp config, bound to 127.0.0.1 -> its client talks to it
#     -> dumpcap is stopped -> nmap -sV (from 127.0.0.9) probes the same
#     server -> every process started is stopped by pid -> checks -> pcap +
#     manifest;
#  5. rewrites captures/eval/README.md and split.txt, runs tools/eval/anchors.py run.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
source "$HERE/../lib/install-servers.sh"
OUT="$(cd "$HERE/../.." && pwd)/captures/eval"
PY=/usr/bin/python3
export PYTHONDONTWRITEBYTECODE=1
[ "$(id -u)" -eq 0 ] || { echo "record.sh must run as root" >&2; exit 2; }

PKGS=(
  tshark nmap libndpi-bin mmdebstrap curl python3-pexpect python3-scapy socat util-linux openbsd-inetd
  apache2 apache2-utils lighttpd squid tinyproxy icecast2 nghttp2-server nghttp2-client etcd-server etcd-client
  websocketd python3-websockets cups-daemon cups-ipp-utils cups-client gophernicus
  bind9 bind9-dnsutils unbound knot knot-dnsutils krb5-kdc krb5-admin-server krb5-user
  freeradius freeradius-utils rsyslog snmptrapd snmp collectd-core libcoap3-bin bird2 samba smbclient
  tigervnc-standalone-server tigervnc-tools vncsnapshot
  dropbear-bin openssh-client proftpd-basic rsh-redone-server rsh-redone-client fingerd finger cvs
  nut-server nut-client mpd mpc gearman-job-server gearman-tools spamd spamc subversion beanstalkd
  dovecot-managesieved sieve-connect python3-pymodbus erlang-base distcc gcc sane-utils oidentd
  rabbitmq-server amqp-tools python3-serial python3-serial-asyncio snmp mini-httpd nsd webfs nbd-server nbd-client xrdp freerdp2-x11
)
# the fresh set (tools/eval/sc_fresh.py): only installed with --fresh or fresh_* names
FRESH_PKGS=(
  dictd dictfmt dict rdate clamav-daemon clamdscan php8.2-fpm libfcgi-bin nats-server iperf3 pgbouncer
  postgresql-client varnish haproxy privoxy busybox pure-ftpd lftp pdns-recursor unison gpsd gpsd-clients chrony
  atftpd atftp samba samba-common-bin nagios-nrpe-server nagios-nrpe-plugin shadowsocks-libev mosh
  prometheus-node-exporter stunnel4 brz krb5-admin-server krb5-user lcdproc openipmi ipmitool
)
# the fresh2 set (tools/eval/sc_fresh2.py): only installed with --fresh2 or fresh2_* names
FRESH2_PKGS=(
  h2o nghttp2-client caddy monit supervisor transmission-daemon transmission-cli influxdb influxdb-client
  tgt libiscsi-bin openvswitch-common openvswitch-switch pdns-server pdns-backend-bind inspircd sic znc
  tinysshd ucspi-tcp microsocks graphite-carbon collectd-core pulseaudio pulseaudio-utils fossil kamailio
  sipsak dnsdist nfdump softflowd ganglia-monitor darkstat yaws
)
# the fresh3 set (tools/eval/sc_fresh3.py; programs drawn from tools/eval/fresh3-pool.md)
FRESH3_PKGS=(
  puma thin gunicorn amule-daemon amule-utils uhub ncdc micro-httpd opentracker transmission-cli conserver-server
  conserver-client dopewars frr bird2 glances freerdp2-shadow-x11 freerdp2-x11 xvfb deluged deluge-console
  ruby-webrick nfs-ganesha nfs-ganesha-vfs libnfs-utils rpcbind tinc nsca-ng-server nsca-ng-client sslh webdis
  redis-server ziproxy
)
# the fresh4 set (tools/eval/sc_fresh4.py; programs drawn from tools/eval/fresh4-pool.md)
FRESH4_PKGS=(
  xl2tpd ppp stubby unbound bind9-dnsutils webhook cfingerd finger libmojolicious-perl ocsigenserver libre-ocaml-dev
  libssl-ocaml-dev exabgp bird2 dnsproxy lldb-14 talkd talk sphinxsearch mariadb-client kcptun rspamd uucp
  cyrus-imapd sasl2-bin vtun unicorn bacula-director bacula-director-sqlite3 bacula-console openarena-server qstat
  podman
)
# the fresh5 set (tools/eval/sc_fresh5.py; programs drawn from tools/eval/fresh5-pool.md)
FRESH5_PKGS=(
  syncthing python3-distributed nebula weechat-headless weechat-plugins ngircd sic libvirt-daemon-system
  libvirt-clients derby-tools conman omniorb-nameserver omniorb guile-3.0 telnet websockify pyro4 golang-cfssl
  nutcracker redis-server redis-tools passenger systemd-journal-remote docker.io apt-cacher binkd xapian-tools
  python3-xapian kannel
)
# the fresh6 set (tools/eval/sc_fresh6.py; programs drawn from tools/eval/fresh6-pool.md)
FRESH6_PKGS=(
  python3-ipyparallel snmpsim snmp aptly kore gcc dircproxy ngircd sic libh2-java default-jre-headless pgbackrest
  openssl perlbal solid-pop3d fetchmail virtuoso-opensource spamass-milter spamassassin spamc miltertest istgt
  libiscsi-bin boxbackup-server boxbackup-client powerman zeroc-icegrid zeroc-ice-utils mailman3 swaks
  prometheus-process-exporter fcgiwrap spawn-fcgi libfcgi-bin sccache prometheus-snmp-exporter
)
# the fresh7 set (tools/eval/sc_fresh7.py; programs drawn from tools/eval/fresh7-pool.md)
FRESH7_PKGS=(
  yaz calibre taskd taskwarrior gnutls-bin sredird python3-serial socat openbsd-inetd postfwd netcat-openbsd
  mailfromd miltertest janus curl mtpolicyd libfile-slurp-perl pebble lego openssl owhttpd ffproxy mapproxy
  pdudaemon lbcd sn suck mono-fastcgi-server libfcgi-bin sqlgrey ara-server python3-ara poppassd
  gearman-server gearman-tools
)
DAEMONS='yaz-ztest|calibre-server|taskd|sredird|postfwd2|mailfromd|janus|mtpolicyd|pebble|owhttpd|ffproxy|mapproxy-util|pdudaemon|lbcd|snntpd.bin|mono|sqlgrey|ara-manage|poppassd|gearmand|ipcontroller|ipengine|snmpsimd|aptly|kore|dircproxy|pgbackrest|perlbal|virtuoso-t|spamass-milter|istgt|bbstored|bbackupd|powermand|vpcd|icegridregistry|runner|prometheus-proc|prometheus-snmp|fcgiwrap|sccache|syncthing|dask-scheduler|nebula|ngircd|libvirtd|virtlogd|virtlockd|conmand|omniNames|websockify|nutcracker|dockerd|containerd|apt-cacher|binkd|xapian-tcpsrv|bearerbox|xl2tpd|stubby|webhook|ocsigenserver|exabgp|dnsproxy|lldb-server|in.ntalkd|searchd|kcptun-server|rspamd|uucico|master|bacula-dir|vtund|unicorn|ioq3ded|podman|puma|thin|gunicorn|amuled|uhub|opentracker|conserver|dopewars|bgpd|zebra|watchfrr|staticd|glances|freerdp-shadow-|deluged|ganesha.nfsd|rpcbind|tincd|nsca-ng|sslh|webdis|redis-server|ziproxy|h2o|caddy|monit|supervisord|transmission-da|influxd|tgtd|ovsdb-server|ovs-vswitchd|pdns_server|inspircd|znc|microsocks|carbon-cache|pulseaudio|kamailio|dnsdist|nfcapd|gmond|darkstat|dictd|clamd|freshclam|php-fpm8.2|nats-server|iperf3|pgbouncer|varnishd|haproxy|privoxy|pure-ftpd|pdns_recursor|gpsd|chronyd|ss-server|ss-local|stunnel4|mosh-server|LCDd|ipmi_sim|nsd|mini_httpd|webfsd|nbd-server|xrdp|xrdp-sesman|beam.smp|oidentd|saned|apache2|lighttpd|squid|tinyproxy|icecast2|etcd|cupsd|named|unbound|knotd|krb5kdc|kadmind|freeradius|rsyslogd|snmptrapd|snmpd|collectd|bird|smbd|nmbd|samba|dropbear|proftpd|inetd|upsd|upsmon|mpd|gearmand|spamd|svnserve|beanstalkd|dovecot|epmd|distccd|Xvnc'

FRESH= FRESH2= FRESH3= FRESH4= FRESH5= FRESH6= FRESH7=
for a in "$@"; do
  case "$a" in --fresh|fresh_*) FRESH=1 ;; --fresh2|fresh2_*) FRESH2=1 ;; --fresh3|fresh3_*) FRESH3=1 ;;
    --fresh4|fresh4_*) FRESH4=1 ;; --fresh5|fresh5_*) FRESH5=1 ;; --fresh6|fresh6_*) FRESH6=1 ;;
    --fresh7|fresh7_*) FRESH7=1 ;; esac
done
[ -z "$FRESH" ] || PKGS+=("${FRESH_PKGS[@]}")
[ -z "$FRESH2" ] || PKGS+=("${FRESH2_PKGS[@]}")
[ -z "$FRESH3" ] || PKGS+=("${FRESH3_PKGS[@]}")
[ -z "$FRESH4" ] || PKGS+=("${FRESH4_PKGS[@]}")
[ -z "$FRESH5" ] || PKGS+=("${FRESH5_PKGS[@]}")
[ -z "$FRESH6" ] || PKGS+=("${FRESH6_PKGS[@]}")
[ -z "$FRESH7" ] || PKGS+=("${FRESH7_PKGS[@]}")
install_servers "$DAEMONS" "${PKGS[@]}"

root=${RESCAP_SURICATA_ROOT:-/var/cache/rescap-eval/trixie-suricata}
if [ ! -x "$root/usr/bin/suricata" ]; then
  echo "making the Suricata root $root (mmdebstrap trixie, about a minute)"
  mkdir -p "$(dirname "$root")"
  rm -rf "$root.tmp"
  timeout 1800 mmdebstrap --mode=root --variant=apt --include=suricata \
    --aptopt='Acquire::Check-Valid-Until "false"' trixie "$root.tmp" http://deb.debian.org/debian \
    >"$root.log" 2>&1
  mv "$root.tmp" "$root"
fi

mkdir -p "$OUT"
cleanup() { "$PY" "$HERE/eval.py" user-del || true; }
trap cleanup EXIT
"$PY" "$HERE/eval.py" user-add

start=$(date +%s)
rc=0
# bounded as a whole too; SIGTERM unwinds through the scenario's cleanup
timeout -s TERM 5400 "$PY" "$HERE/eval.py" record "$@" || rc=$?
"$PY" "$HERE/eval.py" readme
if [ -n "$FRESH7" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh7 >/dev/null   # the other captures' answers are kept
elif [ -n "$FRESH6" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh6 >/dev/null   # the other captures' answers are kept
elif [ -n "$FRESH5" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh5 >/dev/null   # the other captures' answers are kept
elif [ -n "$FRESH4" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh4 >/dev/null   # the other captures' answers are kept
elif [ -n "$FRESH3" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh3 >/dev/null   # the other captures' answers are kept
elif [ -n "$FRESH2" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh2 >/dev/null   # the other captures' answers are kept
elif [ -n "$FRESH" ]; then
  "$PY" "$HERE/anchors.py" run --split fresh >/dev/null   # the other captures' answers are kept
else
  "$PY" "$HERE/anchors.py" run >/dev/null
fi
chmod a+r "$OUT"/* 2>/dev/null || true
echo "record.sh: $(( $(date +%s) - start ))s, exit $rc; $(du -ch "$OUT"/*.pcap | tail -1 | cut -f1) of pcaps in $OUT"
exit $rc
