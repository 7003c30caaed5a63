# SPDX-License-Identifier: GPL-2.0-or-later
# The mutation fuzzer's oracle (scripts/fuzz-captures.sh), kept apart so that
# the tests can run it on known outputs (tests/dissection/test_fuzz_oracle.py).
# Sourced; it sets no shell options.
#
#   rescap_fuzz_verdict RC STDOUT_FILE STDERR_FILE RUN_TIMEOUT
#
# prints "fail <why>" or "pass <other dissectors' bugs>" for one
# `tshark -nr FILE -V -2` run. A run fails on: an exit status other than 0;
# death by a signal; a timeout; any exception inside the rescap or decap
# layer, which tshark shows as "[Dissector bug, protocol RESCAP: ...]",
# "[Malformed Packet: RESCAP]" (e.g. an expert info or field whose range lies
# past the message's tvb), "[Packet size limited during capture: RESCAP ...]"
# or "[Unreassembled Packet: RESCAP]" (the plugin parses bytes it already
# holds: no exception in its layer is ever deliberate; its own
# malformed-structure expert infos are "[Expert Info (Error/Malformed): ...]"
# lines and do not match); a sanitizer report; a GLib warning/critical
# naming rescap or decap. Exceptions in other dissectors (mutated
# TLS/HTTP/DNS/IP...) are listed but do not fail the run.
rescap_fuzz_verdict() {
  local rc=$1 stdout=$2 stderr=$3 run_timeout=$4 why="" ours others
  if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then why="timeout after ${run_timeout}s (hang?)"
  elif [ "$rc" -gt 128 ]; then why="killed by signal $((rc - 128))"
  elif [ "$rc" -ne 0 ]; then why="exit status $rc"; fi
  # grep -c reads all its input: no SIGPIPE whatever the caller's pipefail.
  if [ "$(grep -cE "ERROR: (AddressSanitizer|LeakSanitizer)|runtime error:|SUMMARY: (Address|UndefinedBehavior)Sanitizer" "$stderr")" != 0 ]; then
    why="${why:+$why; }sanitizer report"
  fi
  if [ "$(grep -ciE "(warning|critical|error).*\b(rescap|decap)\b|\b(rescap|decap)\b.*(warning|critical)" "$stderr")" != 0 ]; then
    why="${why:+$why; }glib warning about rescap/decap"
  fi
  # "|| true": no match is no failure, also under the caller's errexit/pipefail.
  ours=$({ grep -oE "\[(Dissector bug, protocol|Malformed Packet:|Packet size limited during capture:|Unreassembled Packet:) (RESCAP|DECAP)[^]]*" "$stdout" || true; } |
    sort | uniq -c | awk 'NR <= 3' | tr -s ' ' | tr '\n' ';')
  [ -n "$ours" ] && why="${why:+$why; }exception in the plugin:$ours"
  if [ -n "$why" ]; then
    echo "fail $why"
    return
  fi
  others=$({ grep -oE "\[(Dissector bug, protocol|Malformed Packet:) [^]:]*" "$stdout" || true; } | sort -u | tr '\n' ';')
  echo "pass ${others}"
}
