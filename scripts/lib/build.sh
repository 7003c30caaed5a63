# SPDX-License-Identifier: GPL-2.0-or-later
# The one way scripts, benchmarks and tests build the plugin (sourced).
# A library: it sets no shell options, so sourcing it never changes the caller's.
#
#   rescap_build DIR [cmake -D options...] [--target NAME]
#
# Configures the repository into DIR (RelWithDebInfo and -DRESCAP_WERROR=ON
# unless the options say otherwise; later -D options win) and builds it (all,
# or only NAME). Configure output is dropped, build output goes to stdout.
# When an option switches compilers, CMake wipes the cache and drops that
# run's -D options, so DIR is configured a second time when a RESCAP_* option
# did not stick (and the build fails when it still does not).

RESCAP_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

rescap_build() {
  local dir=$1; shift
  local -a defines=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DRESCAP_WERROR=ON) target=()
  while [ $# -gt 0 ]; do
    case "$1" in
      --target) target=(--target "$2"); shift 2 ;;
      -D*) _rescap_define defines "$1"; shift ;;
      *) echo "rescap_build: unknown argument $1" >&2; return 2 ;;
    esac
  done
  cmake -S "$RESCAP_ROOT" -B "$dir" "${defines[@]}" >/dev/null || return
  if ! _rescap_options_stuck "$dir" "${defines[@]}"; then
    cmake -S "$RESCAP_ROOT" -B "$dir" "${defines[@]}" >/dev/null || return
    _rescap_options_stuck "$dir" "${defines[@]}" || { echo "rescap_build: options did not stick in $dir" >&2; return 1; }
  fi
  cmake --build "$dir" "${target[@]}" -j"$(nproc)"
}

# Appends -DNAME=VALUE to the array named $1, dropping an earlier -DNAME.
_rescap_define() {
  local -n _list=$1
  local name=${2%%=*} kept=() d
  name=${name%%:*}
  for d in "${_list[@]}"; do
    case "$d" in "$name="* | "$name:"*) ;; *) kept+=("$d") ;; esac
  done
  _list=("${kept[@]}" "$2")
}

# Whether every -DRESCAP_NAME=VALUE is in DIR's cache.
_rescap_options_stuck() {
  local dir=$1; shift
  local def name value
  [ -f "$dir/CMakeCache.txt" ] || return 1
  for def in "$@"; do
    case "$def" in -DRESCAP_*=*) ;; *) continue ;; esac
    def=${def#-D}; name=${def%%=*}; value=${def#*=}; name=${name%%:*}
    grep -Eq "^$name:[A-Z]+=$value\$" "$dir/CMakeCache.txt" || return 1
  done
}
