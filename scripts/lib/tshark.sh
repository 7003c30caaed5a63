# SPDX-License-Identifier: GPL-2.0-or-later
# The one private-HOME tshark helper (sourced) of the scripts, the benchmarks
# and the pytest suite (tests/dissection/rescaptest.py calls it through bash).
# A library: it sets no shell options, so sourcing it never changes the caller's.
# Same approach as scripts/tshark-with-plugin.sh, but the private HOME holding
# the plugin is made once per script run (and removed by the caller's
# cleanup), so thousands of tshark runs neither copy the plugin each time nor
# leave folders behind when a run is killed by a timeout.
#
#   rescap_home DIR [PLUGIN]  make DIR a HOME whose personal plugin folder holds
#                             PLUGIN (none: a HOME without the plugin)
#   rescap_tshark DIR ARGS... run tshark with HOME=DIR (as nobody when root).
#                             $RESCAP_TSHARK names the tshark to run (default
#                             tshark); $RESCAP_TSHARK_PREFIX (an array-like
#                             string, e.g. "valgrind --tool=memcheck") is put
#                             in front of it; $RESCAP_TSHARK_ENV (e.g.
#                             "LD_PRELOAD=... ASAN_OPTIONS=...") is set for
#                             tshark only, not for setpriv/env.

rescap_wireshark_abi() {
  # Output captured first: `tshark -v | head` under the caller's pipefail could
  # fail when head exits before tshark has written everything (SIGPIPE).
  local version
  version=$(tshark -v 2>/dev/null) || true
  [[ $version =~ TShark\ \(Wireshark\)\ ([0-9]+\.[0-9]+)\. ]] && echo "${BASH_REMATCH[1]}"
}

rescap_home() {
  local dir=$1 plugin=${2:-}
  local abi
  abi=$(rescap_wireshark_abi)
  [ -n "$abi" ] || { echo "cannot read the tshark version" >&2; return 2; }
  mkdir -p "$dir/.local/lib/wireshark/plugins/$abi/epan"
  if [ -n "$plugin" ]; then
    [ -f "$plugin" ] || { echo "no plugin at $plugin (build first)" >&2; return 2; }
    cp "$plugin" "$dir/.local/lib/wireshark/plugins/$abi/epan/rescap.so"
  fi
  chmod -R a+rX "$dir"
  # Every parent must be traversable by nobody.
  local d=$dir
  while [ "$d" != "/" ] && [ "$d" != "." ]; do chmod a+x "$d" 2>/dev/null || true; d=$(dirname "$d"); done
}

rescap_tshark() {
  local home=$1; shift
  local -a prefix=() envs=()
  [ -n "${RESCAP_TSHARK_PREFIX:-}" ] && read -r -a prefix <<<"$RESCAP_TSHARK_PREFIX"
  [ -n "${RESCAP_TSHARK_ENV:-}" ] && read -r -a envs <<<"$RESCAP_TSHARK_ENV"
  if [ "$(id -u)" -eq 0 ]; then
    setpriv --reuid=nobody --regid=nogroup --clear-groups \
      env HOME="$home" "${envs[@]}" "${prefix[@]}" "${RESCAP_TSHARK:-tshark}" "$@"
  else
    env HOME="$home" "${envs[@]}" "${prefix[@]}" "${RESCAP_TSHARK:-tshark}" "$@"
  fi
}

# Checks that tshark with HOME=$1 loads exactly the plugin of that HOME.
rescap_check_loaded() {
  local home=$1 out
  out=$(rescap_tshark "$home" -G plugins 2>&1 | grep -F "rescap.so" || true)
  case "$out" in
    *"$home"*) return 0 ;;
    *) echo "tshark does not load the plugin from $home: ${out:-no rescap.so in tshark -G plugins}" >&2; return 1 ;;
  esac
}
