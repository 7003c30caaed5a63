#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# valgrind memcheck over every sample capture.
#   scripts/valgrind.sh [--plugin SO] [--jobs J] [--keep DIR] [captures...]
# Runs `tshark -nr CAPTURE -V -2` as nobody (private HOME with the plugin,
# like scripts/tshark-with-plugin.sh) under
#   valgrind --tool=memcheck --keep-debuginfo=yes --leak-check=full --show-leak-kinds=definite
#            --error-exitcode=99 --suppressions=tests/valgrind/tshark.supp --xml=yes
# and sorts every error valgrind reports:
# - attributable to the plugin: some frame of its stack (or of its
#   allocation/free stacks) lies in rescap.so (our code, or a Wireshark call
#   made from it);
# - other: tshark / GLib / library noise, counted and summarised, not failing.
# Suppressed errors (tests/valgrind/tshark.supp: GLib caches and type system)
# are counted from valgrind's own suppression counts.
# The plugin is built RelWithDebInfo (build-valgrind) unless --plugin is given,
# so that stacks have file:line. Fails only on errors attributable to the plugin.
# The last line is "valgrind: N passed, M failed" (captures).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
plugin="" jobs=$(nproc) keep=$here/build-valgrind/reports
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    -h|--help) sed -n '2,20p' "$0"; exit 0 ;;
    *) break ;;
  esac
done
source scripts/lib/deps.sh
install_packages valgrind
source scripts/lib/tshark.sh
if [ $# -gt 0 ]; then captures=("$@"); else captures=(captures/*.pcap); fi
if [ -z "$plugin" ]; then
  source scripts/lib/build.sh
  rescap_build build-valgrind -DRESCAP_BUILD_TESTS=OFF --target rescap >/dev/null
  plugin=$here/build-valgrind/rescap.so
fi
plugin=$(readlink -f "$plugin")
work=$(mktemp -d /tmp/rescap-valgrind.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 1777 "$work"
mkdir -p "$work/noextcap" && chmod 755 "$work/noextcap"
rescap_home "$work/home" "$plugin"
rescap_check_loaded "$work/home"
cp tests/valgrind/tshark.supp "$work/tshark.supp"; chmod 644 "$work/tshark.supp"
rm -rf "$keep"; mkdir -p "$keep"
chmod a+rX captures captures/*.pcap

run_one() {
  local cap=$1 name
  name=$(basename "$cap" .pcap)
  local rc=0
  # Extcap helpers are started at tshark start-up and are not of interest here.
  RESCAP_TSHARK_ENV="WIRESHARK_EXTCAP_DIR=$work/noextcap" \
  RESCAP_TSHARK_PREFIX="valgrind --tool=memcheck --keep-debuginfo=yes --leak-check=full --show-leak-kinds=definite --num-callers=40 --error-exitcode=99 --suppressions=$work/tshark.supp --xml=yes --xml-file=$work/$name.xml --log-file=$work/$name.log" \
    timeout 1200 bash -c 'source scripts/lib/tshark.sh; rescap_tshark "$@"' _ "$work/home" -nr "$cap" -V -2 >/dev/null 2>"$work/$name.err" || rc=$?
  echo "$rc" >"$work/$name.rc"
}

start=$SECONDS
echo "== valgrind memcheck: ${#captures[@]} captures, $jobs jobs, plugin $plugin"
for cap in "${captures[@]}"; do
  run_one "$cap" &
  while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n || true; done
done
wait

status=0
/usr/bin/python3 - "$work" "$keep" "${captures[@]}" <<'PY' || status=$?
import collections, os, shutil, sys
import xml.etree.ElementTree as ET
work, keep, caps = sys.argv[1], sys.argv[2], sys.argv[3:]
passed = failed = 0
others = collections.Counter()
total_supp = 0
for cap in caps:
    name = os.path.splitext(os.path.basename(cap))[0]
    rc = open(os.path.join(work, name + ".rc")).read().strip()
    xf = os.path.join(work, name + ".xml")
    try:
        root = ET.parse(xf).getroot()
    except Exception as e:
        print("FAIL %s: no valgrind XML (%s), exit %s" % (name, e, rc)); failed += 1; continue
    supp = sum(int(p.findtext("count")) for p in root.iter("pair"))
    total_supp += supp
    ours = []
    for err in root.findall("error"):
        kind = err.findtext("kind")
        frames = [f for s in err.findall("stack") for f in s.findall("frame")]
        def where(f):
            fn = f.findtext("fn") or "??"
            src = f.findtext("file")
            return "%s (%s:%s)" % (fn, src, f.findtext("line")) if src else "%s [%s]" % (fn, os.path.basename(f.findtext("obj") or "?"))
        mine = any("rescap.so" in (f.findtext("obj") or "") for f in frames)
        what = (err.find("what") is not None and err.findtext("what")) or (err.find("xwhat") is not None and err.find("xwhat").findtext("text")) or kind
        if mine:
            ours.append((kind, what, [where(f) for f in frames[:12]]))
        else:
            top = next((where(f) for f in frames if (f.findtext("fn") or "").split("(")[0] not in ("malloc", "calloc", "realloc", "g_malloc", "g_malloc0", "g_realloc")), "?")
            others[(kind, top)] += 1
    ok = not ours and rc in ("0", "99")
    if rc not in ("0", "99"):
        print("FAIL %s: tshark under valgrind exited %s" % (name, rc))
    for kind, what, stack in ours:
        print("PLUGIN ERROR in %s: %s: %s" % (name, kind, what))
        for s in stack:
            print("      " + s)
    if ok:
        passed += 1
    else:
        failed += 1
        for ext in (".xml", ".log", ".err"):
            shutil.copy(os.path.join(work, name + ext), keep)
    nerr = len(root.findall("error"))
    print("   %-22s exit %-3s errors %3d (plugin %d, other %d), suppressed %d" % (name, rc, nerr, len(ours), nerr - len(ours), supp))
print("== errors not attributable to the plugin (kind, first frame past the allocator), all captures:")
for (kind, top), n in others.most_common(15):
    print("   %5d  %s  %s" % (n, kind, top))
if not others:
    print("   none")
print("   suppressed by tests/valgrind/tshark.supp: %d" % total_supp)
print("valgrind: %d passed, %d failed" % (passed, failed))
sys.exit(1 if failed else 0)
PY
echo "   ($((SECONDS - start))s; failing captures' XML/logs kept in $keep)"
exit $status
