#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# The plugin on every supported Wireshark version: for each, a Debian root
# holding that Wireshark (made with mmdebstrap, cached between runs), in which
# the source tree is built with -Werror and the whole test suite runs
# (scripts/run-tests.sh: unit tests, pytest over tshark, and the sanitizer
# stage where asked), then the .deb is built (cpack), checked by lintian
# (errors fail), installed with apt-get and loaded by tshark run as an
# unprivileged user; last, scripts/install.sh run as root must make plain
# root tshark load the plugin and scripts/uninstall.sh remove it
# (doc/install.md). Prints one line per version; exits 1 when any version fails.
#
#   scripts/matrix.sh [--versions "4.0 4.4 4.6"] [--tests "VERSIONS"|all|none]
#                     [--sanitize "VERSIONS"|all|none] [--cache DIR] [--out DIR]
#
#   --versions  which versions (default all three)
#   --tests     on which versions scripts/run-tests.sh runs (default all); the
#               others are built, packaged and loaded only (CI passes "4.4 4.6":
#               the bookworm host has just run the whole suite on 4.0)
#   --sanitize  on which versions scripts/sanitize.sh (ASan+UBSan build,
#               pytest and fuzz smoke under the sanitizers, ~6-10 min each)
#               runs too (default all)
#   --cache     where the roots are kept (default /var/cache/rescap-matrix,
#               or $RESCAP_MATRIX_CACHE): one directory per suite and a stamp
#               naming what it was made from; a root whose stamp differs from
#               this run's suite, mirror and package list is made again
#   --out       where the .deb files are copied (default build-matrix/)
#
# Version -> Debian suite: 4.0 bookworm, 4.4 trixie, 4.6 sid. The 4.0 root is
# a bookworm root too, not the host: installing the package on the host would
# put a system rescap.so next to the personal one every test run installs.
# Needs root (mmdebstrap --mode=root, chroot) on a Debian/Ubuntu host with
# network access to the Debian archive ($RESCAP_MATRIX_MIRROR, default
# http://deb.debian.org/debian); installs mmdebstrap itself. The host's apt
# sources are never touched. Roots take ~0.9 GB each.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

versions="4.0 4.4 4.6" sanitize=all tested=all
cache=${RESCAP_MATRIX_CACHE:-/var/cache/rescap-matrix}
out=$here/build-matrix
mirror=${RESCAP_MATRIX_MIRROR:-http://deb.debian.org/debian}
while [ $# -gt 0 ]; do
  case "$1" in
    --versions) versions=$2; shift 2 ;;
    --sanitize) sanitize=$2; shift 2 ;;
    --tests) tested=$2; shift 2 ;;
    --cache) cache=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) echo "usage: $0 [--versions \"4.0 4.4 4.6\"] [--tests VERSIONS|all|none] [--sanitize VERSIONS|all|none] [--cache DIR] [--out DIR]" >&2; exit 2 ;;
  esac
done
declare -A suite_of=([4.0]=bookworm [4.4]=trixie [4.6]=sid)
for v in $versions; do
  [ -n "${suite_of[$v]:-}" ] || { echo "unsupported version $v (supported: ${!suite_of[*]})" >&2; exit 2; }
done
[ "$sanitize" = all ] && sanitize=$versions
[ "$tested" = all ] && tested=$versions
[ "$tested" = none ] && tested=""
[ "$sanitize" = none ] && sanitize=""
[ "$(id -u)" -eq 0 ] || { echo "matrix.sh needs root (mmdebstrap --mode=root, chroot)" >&2; exit 2; }

source scripts/lib/deps.sh
# What the roots hold: what the project builds and tests with, plus what
# cpack needs for the package (dpkg-shlibdeps, file) and lintian, which
# judges the package by the rules of the Debian release it is made for.
root_packages=("${RESCAP_PACKAGES[@]}" gcc dpkg-dev file lintian)
if ! command -v mmdebstrap >/dev/null; then
  apt-get -o DPkg::Lock::Timeout=900 update -qq
  DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 install -y -qq --no-install-recommends mmdebstrap >/dev/null
fi

mkdir -p "$cache" "$out"
# One matrix run at a time per cache: two would rebuild or mount the same roots.
exec 9>"$cache/lock"
flock 9

start=$(date +%s)
elapsed() { echo "$(($(date +%s) - $1))s"; }

# --- roots -----------------------------------------------------------------
stamp_of() {  # suite -> what the root is made from
  printf 'suite=%s\nmirror=%s\npackages=%s\n' "$1" "$mirror" "$(printf '%s\n' "${root_packages[@]}" | sort -u | tr '\n' ' ')"
}
make_root() {  # suite: (re)makes $cache/<suite>, log in $cache/<suite>.log
  local suite=$1 dir=$cache/$1
  local include
  include=$(IFS=,; echo "${root_packages[*]}")
  rm -rf "$dir" "$dir.tmp" "$dir.stamp"
  # Check-Valid-Until: the Debian archive reachable from some CI machines is
  # a frozen snapshot whose sid Release file has expired.
  mmdebstrap --mode=root --variant=apt --include="$include" \
    --aptopt='Acquire::Check-Valid-Until "false"' \
    "$suite" "$dir.tmp" "$mirror" >"$cache/$suite.log" 2>&1 || return 1
  mv "$dir.tmp" "$dir"
  stamp_of "$suite" >"$dir.stamp"
}

echo "== roots in $cache"
declare -A root_pid=() root_status=()
for v in $versions; do
  s=${suite_of[$v]}
  if [ -d "$cache/$s" ] && [ "$(cat "$cache/$s.stamp" 2>/dev/null)" = "$(stamp_of "$s")" ]; then
    echo "   $s: cached"
  else
    echo "   $s: making it (mmdebstrap, a few minutes; log $cache/$s.log)"
    make_root "$s" &
    root_pid[$s]=$!
  fi
done
for s in "${!root_pid[@]}"; do
  if wait "${root_pid[$s]}"; then root_status[$s]=ok; else root_status[$s]=failed; tail -n 20 "$cache/$s.log" >&2; fi
done
echo "   roots ready after $(elapsed "$start")"

# --- per version -------------------------------------------------------------
mounted=()
unmount_all() {
  local r
  for r in "${mounted[@]}"; do
    umount -R "$r/dev" 2>/dev/null || umount -R -l "$r/dev" 2>/dev/null || true
    umount "$r/proc" 2>/dev/null || umount -l "$r/proc" 2>/dev/null || true
  done
}
trap unmount_all EXIT

src=/opt/rescap-matrix/src   # inside each root
in_root() {  # root command: runs `bash -c command` in the root's source copy
  chroot "$1" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 TERM=dumb bash -c "cd $src && $2"
}

# The repository's files (tracked, and new ones not ignored), without builds.
copy_tree() {  # destination
  if git -C "$here" rev-parse --git-dir >/dev/null 2>&1; then
    git -C "$here" ls-files -z --cached --others --exclude-standard |
      while IFS= read -r -d '' f; do [ -e "$f" ] && printf '%s\0' "$f"; done |
      tar --null -T - -cf - | tar -xf - -C "$1"
  else
    tar --exclude='./build*' --exclude='./.git' -cf - . | tar -xf - -C "$1"
  fi
}

# lintian on a package in a root, as an unprivileged user (lintian unpacks
# what it checks). Prints "clean", "N warnings (tags)" or "FAILED: ...";
# the whole report goes to LOG. Errors fail; each warning is explained in
# doc/install.md.
run_lintian() {  # root deb-relative-to-src log
  local root=$1 deb=$2 log=$3 rc=0 errors warnings
  in_root "$root" "cp $deb /tmp/rescap-lintian.deb && chmod 644 /tmp/rescap-lintian.deb &&
      setpriv --reuid=nobody --regid=nogroup --clear-groups env -i HOME=/tmp PATH=/usr/bin:/bin \
        lintian --fail-on error --display-info --tag-display-limit 0 /tmp/rescap-lintian.deb" >"$log" 2>&1 || rc=$?
  rm -f "$root/tmp/rescap-lintian.deb"
  errors=$(grep -E '^E: ' "$log" | awk '{print $3}' | sort -u | paste -sd, - | sed 's/,/, /g')
  warnings=$(grep -E '^W: ' "$log" | awk '{print $3}' | sort -u | paste -sd, - | sed 's/,/, /g')
  if [ "$rc" -ne 0 ]; then
    echo "FAILED (exit $rc; errors: ${errors:-none reported, see ${log#$here/}})"; return 1
  elif [ -n "$warnings" ]; then
    echo "0 errors, warnings: $warnings"
  else
    echo "clean"
  fi
}

# scripts/install.sh as root (as in a CI container) must put the plugin where
# plain root tshark loads it, the system folder, and scripts/uninstall.sh
# must take it away again; a user without sudo who lacks a package must be
# told what to run. Done in the root, never on the host: a system copy there
# would clash with the personal copy the host's tests load.
# Prints "yes (...)" or "FAILED (...)"; the details go to LOG.
check_root_install() {  # root version log
  local root=$1 v=$2 log=$3 listed decoded after nosudo
  local system="/usr/lib/[^ ]*/wireshark/plugins/$v/epan/rescap.so"
  if ! in_root "$root" "bash scripts/install.sh" >"$log" 2>&1; then
    tail -n 20 "$log"; echo "FAILED (scripts/install.sh as root failed)"; return 1
  fi
  listed=$(in_root "$root" 'tshark -G plugins 2>/dev/null' | grep -E "^rescap\.so.*[[:space:]]$system\$" || true)
  decoded=$(in_root "$root" 'tshark -r captures/udp_basic.pcap -O rescap 2>/dev/null' | grep -c '^Resource Capabilities Discovery' || true)
  { echo "== root: tshark -G plugins"; echo "${listed:-(no rescap.so in the system folder)}"
    echo "== root: tshark -r captures/udp_basic.pcap -O rescap: $decoded rescap messages"; } >>"$log"
  in_root "$root" "bash scripts/uninstall.sh" >>"$log" 2>&1 || true
  after=$(in_root "$root" 'tshark -G plugins 2>/dev/null; ls /usr/lib/*/wireshark/plugins/*/epan/rescap.so 2>/dev/null' | grep -F rescap.so || true)
  # No sudo in the root: a user missing a package gets the apt-get line, not "sudo: command not found".
  nosudo=$(in_root "$root" "setpriv --reuid=nobody --regid=nogroup --clear-groups env -i HOME=/tmp PATH=/usr/bin:/bin \
             bash -c 'source scripts/lib/deps.sh; install_plugin_packages rescap-matrix-missing-package' 2>&1; echo rc=\$?")
  echo "== nobody without sudo, a package missing:" >>"$log"; echo "$nosudo" >>"$log"
  if [ -z "$listed" ]; then echo "FAILED (root tshark -G plugins: no rescap.so in the system folder)"; return 1; fi
  if [ "${decoded:-0}" -eq 0 ]; then echo "FAILED (root tshark decodes nothing)"; return 1; fi
  if [ -n "$after" ]; then echo "FAILED (after uninstall.sh: $after)"; return 1; fi
  case "$nosudo" in
    *"command not found"* | *rc=0) echo "FAILED (no-sudo message: $(tail -n 1 <<<"$nosudo"))"; return 1 ;;
    *"apt-get install --no-install-recommends rescap-matrix-missing-package"*) ;;
    *) echo "FAILED (no-sudo message without the apt-get line)"; return 1 ;;
  esac
  echo "yes (system folder, listed by plain root tshark, $decoded messages decoded; uninstalled; no-sudo message ok)"
}

declare -A line=()
failed=0
run_version() {  # version
  local v=$1 s=${suite_of[$1]} t0
  t0=$(date +%s)
  local root=$cache/$s logs=$out/$1
  local ws="?" build="-" tests="-" package="-" lintian="-" loaded="-" rootinstall="-"
  rm -rf "$logs"; mkdir -p "$logs"
  echo "== Wireshark $v ($s root; logs in ${logs#$here/}/)"
  if [ "${root_status[$s]:-ok}" != ok ]; then
    line[$v]="$v  ($s)  root: mmdebstrap failed (see $cache/$s.log)"; return 1
  fi
  # Mounts left by a killed run.
  umount -R "$root/dev" 2>/dev/null || true
  umount "$root/proc" 2>/dev/null || true
  mount -t proc proc "$root/proc"
  mounted+=("$root")
  mount --rbind /dev "$root/dev"
  mount --make-rslave "$root/dev"

  # A package or a root install.sh copy left by an interrupted run would
  # shadow the tests' personal plugin.
  chroot "$root" /bin/sh -c 'dpkg-query -W wireshark-plugin-rescap >/dev/null 2>&1 && apt-get purge -y -qq wireshark-plugin-rescap >/dev/null; rm -f /usr/lib/*/wireshark/plugins/*/epan/rescap.so; true'
  rm -rf "$root/opt/rescap-matrix"
  mkdir -p "$root$src"
  chmod 755 "$root/opt" "$root/opt/rescap-matrix"
  copy_tree "$root$src"
  ws=$(in_root "$root" 'tshark -v 2>/dev/null | sed -n "s/^TShark (Wireshark) \([0-9.]*[0-9]\).*/\1/p"')
  case "$ws" in
    "$v".*) ;;
    *) line[$v]="$v  ($s)  root has Wireshark ${ws:-none}, not $v: the suite moved on; update suite_of"; return 1 ;;
  esac

  echo "   build (-Werror, unit tests included)"
  if in_root "$root" 'cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESCAP_WERROR=ON -DRESCAP_BUILD_TESTS=ON && cmake --build build -j"$(nproc)"' >"$logs/build.log" 2>&1; then
    build=ok
  else
    build=FAILED; tail -n 30 "$logs/build.log"
    line[$v]="$v  Wireshark $ws ($s)  build FAILED  tests -  package -  loaded -  $(elapsed "$t0")"; return 1
  fi

  local skip_sanitize=1 what="unit + pytest"
  case " $sanitize " in *" $v "*) skip_sanitize="" what="unit + pytest + sanitizers + fuzz smoke" ;; esac
  local rc=0 ctest pytest
  case " $tested " in
    *" $v "*)
      echo "   tests: scripts/run-tests.sh ($what)"
      # The libFuzzer targets build and run on the host (bookworm's clang, in
      # .ci/run's first step); the roots run the suite and the sanitizers.
      in_root "$root" "RESCAP_SKIP_SANITIZE=$skip_sanitize RESCAP_SKIP_FUZZ=1 bash scripts/run-tests.sh" >"$logs/tests.log" 2>&1 || rc=$?
      ;;
    *) echo "   tests: not run here (--tests)" >"$logs/tests.log"; rc=skipped ;;
  esac
  ctest=$(grep -oE 'tests passed, [0-9]+ tests failed out of [0-9]+' "$logs/tests.log" | tail -n 1 | sed -E 's/.* out of ([0-9]+)/\1/' || true)
  # pytest's summary line(s) ("404 passed, 3 skipped in 250.16s"), one per pytest run.
  pytest=$(grep -E '[0-9]+ (passed|failed).* in [0-9.]+s' "$logs/tests.log" | tr -d '=' | sed -E 's/^ *//; s/ in [0-9.]+s.*//' | paste -sd'/' - || true)
  if [ "$rc" = skipped ]; then
    tests="not run in the root (--tests)"
  elif [ "$rc" -eq 0 ]; then
    local sanitizers="sanitizers clean"
    [ -n "$skip_sanitize" ] && sanitizers="no sanitizers (--sanitize)"
    tests="passed (unit ${ctest:-?}; pytest ${pytest:-?}; $sanitizers)"
  else
    tests="FAILED (exit $rc; pytest ${pytest:-?})"; tail -n 40 "$logs/tests.log"
  fi

  echo "   package: cpack -G DEB"
  local deb=""
  if in_root "$root" 'cmake -S . -B build-deb -DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESCAP_WERROR=ON -DRESCAP_BUILD_TESTS=OFF && cmake --build build-deb -j"$(nproc)" && cd build-deb && cpack -G DEB' >"$logs/package.log" 2>&1; then
    local built=("$root$src"/build-deb/wireshark-plugin-rescap_*.deb)
    [ -e "${built[0]}" ] && deb=$(basename "${built[0]}")
  fi
  if [ -n "$deb" ]; then
    cp "$root$src/build-deb/$deb" "$out/"
    package=$deb
    echo "   $deb: Depends: $(dpkg-deb -f "$out/$deb" Depends)"
  else
    package=FAILED; tail -n 20 "$logs/package.log"
  fi

  if [ -n "$deb" ]; then
    echo "   lintian $deb (fails on errors)"
    lintian="$(run_lintian "$root" "build-deb/$deb" "$logs/lintian.log")" || true
    echo "   lintian: $lintian"
  fi

  if [ -n "$deb" ]; then
    echo "   install (apt-get install ./$deb) and load as nobody, with the package's global profile \"Ghost ports\""
    # tshark as nobody with an empty HOME: only the system folder can supply the plugin.
    if in_root "$root" "apt-get install -y ./build-deb/$deb && mkdir -p /tmp/rescap-nobody && chmod 1777 /tmp/rescap-nobody &&
        setpriv --reuid=nobody --regid=nogroup --clear-groups env -i HOME=/tmp/rescap-nobody PATH=/usr/bin:/bin tshark -G plugins >/tmp/rescap-nobody/plugins &&
        setpriv --reuid=nobody --regid=nogroup --clear-groups env -i HOME=/tmp/rescap-nobody PATH=/usr/bin:/bin tshark -C \"Ghost ports\" -r captures/udp_basic.pcap >/tmp/rescap-nobody/decoded" >"$logs/install.log" 2>&1; then
      local plugins decoded
      plugins=$(grep -F rescap.so "$root/tmp/rescap-nobody/plugins" || true)
      decoded=$(grep -c RESCAP "$root/tmp/rescap-nobody/decoded" || true)
      echo "   tshark -G plugins: $plugins"
      case "$plugins" in
        *dissector*/plugins/"$v"/epan/rescap.so*)
          if [ "${decoded:-0}" -gt 0 ]; then loaded="yes (dissector, $decoded RESCAP frames in udp_basic.pcap)"; else loaded="FAILED (listed, decodes nothing)"; fi ;;
        *) loaded="FAILED (tshark -G plugins: ${plugins:-no rescap.so})" ;;
      esac
    else
      loaded="FAILED (install or tshark failed)"; tail -n 20 "$logs/install.log"
    fi
    # Leave the cached root as it was made.
    in_root "$root" 'apt-get purge -y -qq wireshark-plugin-rescap >/dev/null; rm -rf /tmp/rescap-nobody' || true
  fi

  echo "   scripts/install.sh as root, then plain tshark; scripts/uninstall.sh"
  rootinstall=$(check_root_install "$root" "$v" "$logs/root-install.log") || true
  echo "   root install: $rootinstall"

  line[$v]="$v  Wireshark $ws ($s)  build $build  tests $tests  package $package  lintian $lintian  loaded $loaded  root install $rootinstall  $(elapsed "$t0")"
  case "$tests$package$lintian$loaded$rootinstall" in *FAILED*) return 1 ;; esac
}

for v in $versions; do
  run_version "$v" || failed=1
  echo "   ${line[$v]}"
done
unmount_all
mounted=()

echo
echo "== matrix ($(elapsed "$start") in all; packages in ${out#$here/}/)"
for v in $versions; do echo "${line[$v]}"; done
[ "$failed" -eq 0 ] || { echo "matrix: FAILED"; exit 1; }
echo "matrix: all versions pass"
