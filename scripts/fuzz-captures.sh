#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# Mutation fuzzing of the plugin inside tshark, after Wireshark's own
# tools/fuzz-test.sh: every sample capture is mutated with `editcap -E` and
# dissected with `tshark -nr FILE -V -2`, each run under `timeout`.
#
#   scripts/fuzz-captures.sh [--plugin SO] [--passes N] [--seconds S] [--keep DIR]
#                            [--prob P[,P...]] [--timeout T] [--jobs J] [--smoke]
#
#   --plugin SO   plugin under test (default $RESCAP_PLUGIN, else build/rescap.so)
#   --passes N    passes over all captures (default 10)
#   --seconds S   stop starting runs after S seconds in all (default: no limit)
#   --keep DIR    where failing inputs are kept (default build-fuzz-captures/failures)
#   --prob LIST   editcap -E probabilities, used in turn (default 0.005,0.02,0.05)
#   --timeout T   seconds one tshark run may take before it counts as a hang (default 60)
#   --jobs J      parallel runs (default: number of cores)
#   --seed N      base of the editcap seeds (default: random, printed; with
#                 the same base, options and speed the same inputs are made)
#   --smoke       CI mode: --passes 1000 --seconds 150 (about 3 minutes), seed
#                 base 283 unless --seed is given, so CI runs are reproducible
#
# A run fails on: an exit status other than 0; death by a signal (abort,
# segfault); a timeout; any exception in the rescap or decap layer ("[Dissector
# bug, protocol RESCAP: ...]", "[Malformed Packet: RESCAP]", ...; the plugin's
# own malformed-structure expert infos are deliberate and do not count); a
# sanitizer report; a GLib warning/critical naming rescap or decap. The oracle
# is rescap_fuzz_verdict in scripts/lib/fuzz-verdict.sh (tested by
# tests/dissection/test_fuzz_oracle.py). Exceptions in other dissectors
# (mutated TLS/HTTP/DNS/IP...) are counted and listed but do not fail the run.
#
# The environment reaches tshark (LD_PRELOAD, ASAN_OPTIONS, ...): see
# scripts/sanitize.sh. Each failure is kept as DIR/<n>/{input.pcap,stdout,stderr,replay.sh}.
# The last line is "fuzz: N passed, M failed"; the exit status is 1 on any failure.
set -uo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

plugin=${RESCAP_PLUGIN:-$here/build/rescap.so}
passes=10 seconds=0 keep=$here/build-fuzz-captures/failures probs=0.005,0.02,0.05 run_timeout=60
jobs=$(nproc) base_seed="" smoke=""
while [ $# -gt 0 ]; do
  case "$1" in
    --plugin) plugin=$2; shift 2 ;;
    --passes) passes=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --keep) keep=$2; shift 2 ;;
    --prob) probs=$2; shift 2 ;;
    --timeout) run_timeout=$2; shift 2 ;;
    --jobs) jobs=$2; shift 2 ;;
    --seed) base_seed=$2; shift 2 ;;
    --smoke) passes=1000 seconds=150 smoke=yes; shift ;;
    -h|--help) sed -n '2,30p' "$0"; exit 0 ;;
    *) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
done
plugin=$(readlink -f "$plugin")
[ -z "$base_seed" ] && { [ -n "$smoke" ] && base_seed=283 || base_seed=$((RANDOM * 32768 + RANDOM)); }

source scripts/lib/deps.sh
install_packages
source scripts/lib/tshark.sh
source scripts/lib/fuzz-verdict.sh
set +e  # verdicts here come from exit statuses

work=$(mktemp -d /tmp/rescap-fuzz.XXXXXX)
trap 'rm -rf "$work"' EXIT
chmod 755 "$work"
rescap_home "$work/home" "$plugin" || exit 2
rescap_check_loaded "$work/home" || exit 2
mkdir -p "$keep" "$work/runs"
keep=$(readlink -f "$keep")
chmod a+rX captures captures/*.pcap

IFS=, read -r -a prob_list <<<"$probs"
# Bytes editcap leaves alone at the start of each frame: none, Ethernet+IPv4+UDP
# (mutate the payload only), Ethernet+IPv4+TCP with timestamps.
offsets=(0 42 66)
mapfile -t captures < <(ls captures/*.pcap)
[ "${#captures[@]}" -gt 0 ] || { echo "no captures" >&2; exit 2; }

# One run: mutate, dissect, judge. Writes "<verdict> <why>" to $dir/verdict.
run_one() {
  local n=$1 capture=$2 prob=$3 offset=$4 seed=$5
  local dir=$work/runs/$n
  mkdir -p "$dir"
  local input=$dir/input.pcap
  if ! editcap -E "$prob" -o "$offset" --seed "$seed" "$capture" "$input" >/dev/null 2>"$dir/editcap.err"; then
    echo "skip editcap failed" >"$dir/verdict"; return
  fi
  chmod 644 "$input"; chmod 755 "$dir"
  local rc=0
  timeout -k 10 "$run_timeout" bash -c 'source scripts/lib/tshark.sh; rescap_tshark "$@"' _ \
    "$work/home" -nr "$input" -V -2 >"$dir/stdout" 2>"$dir/stderr" || rc=$?
  rescap_fuzz_verdict "$rc" "$dir/stdout" "$dir/stderr" "$run_timeout" >"$dir/verdict"
  # Keep only what a failure needs.
  case "$(cat "$dir/verdict")" in
    fail*) ;;
    *) rm -f "$input" "$dir/stdout" ;;
  esac
}

start=$SECONDS n=0 stopped=""
echo "== fuzz-captures: ${#captures[@]} captures x $passes passes, probabilities $probs, ${seconds}s budget, $jobs jobs, seed base $base_seed"
echo "   plugin $plugin${RESCAP_TSHARK_ENV:+; tshark environment: $RESCAP_TSHARK_ENV}"
for ((pass = 1; pass <= passes; pass++)); do
  for capture in "${captures[@]}"; do
    if [ "$seconds" -gt 0 ] && [ $((SECONDS - start)) -ge "$seconds" ]; then stopped=yes; break 2; fi
    n=$((n + 1))
    seed=$(( (base_seed * 1000003 + n * 104729) % 2147483647 ))
    # Probability and untouched prefix vary with the pass too, so that every
    # capture meets every combination.
    prob=${prob_list[$(( (n + pass) % ${#prob_list[@]} ))]}
    offset=${offsets[$(( (n / ${#prob_list[@]} + pass) % ${#offsets[@]} ))]}
    echo "$capture $prob $offset $seed" >"$work/runs/$n.args"
    run_one "$n" "$capture" "$prob" "$offset" "$seed" &
    while [ "$(jobs -rp | wc -l)" -ge "$jobs" ]; do wait -n 2>/dev/null || true; done
  done
done
wait

passed=0 failed=0 skipped=0 others=0
for ((i = 1; i <= n; i++)); do
  dir=$work/runs/$i
  verdict=$(cat "$dir/verdict" 2>/dev/null || echo "fail no verdict")
  read -r capture prob offset seed <"$work/runs/$i.args"
  case "$verdict" in
    pass*)
      passed=$((passed + 1))
      rest=${verdict#pass }
      if [ -n "$rest" ]; then others=$((others + 1)); echo "   note: $(basename "$capture") -E $prob -o $offset --seed $seed: other dissectors' bugs: $rest"; fi ;;
    skip*) skipped=$((skipped + 1)) ;;
    *)
      failed=$((failed + 1))
      dest=$keep/$(date +%Y%m%d-%H%M%S)-$i-$(basename "$capture" .pcap)
      mkdir -p "$dest"
      cp -r "$dir"/. "$dest"/
      chmod -R a+rX "$dest"
      {
        echo "#!/usr/bin/env bash"
        echo "# $verdict"
        echo "# made with: editcap -E $prob -o $offset --seed $seed $capture input.pcap"
        echo "cd '$here' && ${RESCAP_TSHARK_ENV:+env $RESCAP_TSHARK_ENV }scripts/tshark-with-plugin.sh --plugin '$plugin' -nr '$dest/input.pcap' -V -2 >/dev/null"
      } >"$dest/replay.sh"
      chmod +x "$dest/replay.sh"
      echo "FAIL: $(basename "$capture") (-E $prob -o $offset --seed $seed): ${verdict#fail }"
      echo "      kept in $dest; replay: bash $dest/replay.sh"
      ;;
  esac
done
echo "== $n runs in $((SECONDS - start))s${stopped:+ (time budget reached)}; skipped $skipped; runs with another dissector's bug: $others"
echo "fuzz: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
