#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Groups the heap a tshark run holds at its peak (heaptrack, flamegraph
stacks with peak cost) by what holds it, for the plugin run minus the data
baseline run. Usage: memory_profile.py PLUGIN.stacks DATA.stacks [REFERENCE.stacks]
REFERENCE: a run of the same capture with a plugin version whose rescap
framing asked Wireshark's TCP reassembly (pinfo->desegment_len): its
reassembly rows are printed for comparison."""
import collections
import sys

WIRESHARK = "(Wireshark, GLib: allocated without a plugin function on the stack)"
DEBUG_TABLE = "(wmem debug allocator's own pointer table: one per run, not a real cost)"

# (category, function names): a stack belongs to the category of its
# innermost frame that names one; "=name" matches only as the innermost
# named frame (an allocation made by that function itself).
FRAMING_OCTETS = "rescap TCP framing: reassembled message octets"
FRAMING_PLANS = "rescap TCP framing: per-segment plans, per-direction state"
TCP_REASSEMBLY = "Wireshark TCP reassembly (fragment_add, reassembled tvbs)"

CATEGORIES = [
    (FRAMING_OCTETS, ["continue_message", "end_message", "append"]),
    ("per-frame records (frame index: transaction links, segment plans, hand-off choices)",
     ["shared::FrameIndex::add"]),
    (FRAMING_PLANS,
     ["plan_segment", "start_message", "direction_of", "is_first_payload"]),
    (TCP_REASSEMBLY, ["fragment_add", "=dissect_tcp_payload"]),
    ("nmap-service-probes database (parsed on first need)",
     ["ghostports::parse_nmap_service_probes", "ghostports::nmap_identify"]),
    ("per-conversation record (endpoint key, slots) and its map", ["conversation_record"]),
    ("rescap request/response matching (transactions, per-conversation state)",
     ["rescap::track_message", "rescap::conversation_state", "rescap::track_transaction"]),
    ("identification and hand-off (identity, frame choices, ownership)",
     ["ghostports::plan_hand_off", "ghostports::run_hand_off", "ghostports::ghost_conversation", "take_back",
      "take_back_conversations"]),
    ("exposure scanners and findings", ["ghostports::report_exposures", "scan"]),
    ("decap per-conversation counters", ["=conversation_state", "=dissect"]),
]


def load(path):
    costs = collections.Counter()
    for line in open(path):
        line = line.rstrip("\n")
        cut = line.rfind(" ")
        frames = tuple(f.split(" (")[0] for f in line[:cut].split(";") if f and not f.startswith("0x"))
        costs[frames] += int(line[cut + 1:])
    return costs


ALLOCATORS = ("g_", "wmem_", "malloc", "realloc", "operator new", "std::", "__gnu_cxx::")


def matches(frame, needle):
    if "::" in needle:
        return frame == needle or frame.startswith(needle + "(")
    return frame.split("(")[0].split("::")[-1] == needle


def category(frames, cost):
    # WIRESHARK_DEBUG_WMEM_OVERRIDE=simple keeps every allocation of a pool
    # in one array that doubles: a single power-of-two g_realloc.
    if frames and frames[-1] == "g_realloc" and cost >= 2**20 and cost & (cost - 1) == 0:
        return DEBUG_TABLE
    depth = 0  # named frames inside this one, allocator helpers not counted
    for frame in reversed(frames):
        for name, needles in CATEGORIES:
            for needle in needles:
                innermost_only = needle.startswith("=")
                if matches(frame, needle.lstrip("=")) and (depth == 0 or not innermost_only):
                    return name
        if not frame.startswith(ALLOCATORS):
            depth += 1
    return WIRESHARK


def grouped(costs):
    groups = collections.Counter()
    for frames, cost in costs.items():
        groups[category(frames, cost)] += cost
    return groups


def mib(n):
    return 0.0 if abs(n) < 5243 else n / 2**20  # no "-0.00" for a few octets


def main():
    plugin, data = grouped(load(sys.argv[1])), grouped(load(sys.argv[2]))
    total = sum(plugin.values()) - sum(data.values())
    print("| what holds it | plugin MiB | data MiB | difference MiB |")
    print("|---|---|---|---|")
    for name in [c[0] for c in CATEGORIES] + [WIRESHARK, DEBUG_TABLE]:
        if plugin[name] or data[name]:
            print("| %s | %.2f | %.2f | %+.2f |" % (name, mib(plugin[name]), mib(data[name]),
                                                   mib(plugin[name] - data[name])))
    print("| **total heap at peak** | %.2f | %.2f | %+.2f |" % (mib(sum(plugin.values())), mib(sum(data.values())),
                                                             mib(total)))
    if len(sys.argv) > 3:
        ref = grouped(load(sys.argv[3]))
        print()
        print("Reassembly, this plugin against the reference run (its TCP framing asked Wireshark's own TCP")
        print("reassembly), same capture, each minus the data baseline:")
        print()
        print("| what holds it | this plugin MiB | reference MiB |")
        print("|---|---|---|")
        rows = [FRAMING_OCTETS, FRAMING_PLANS, TCP_REASSEMBLY]
        for name in rows:
            print("| %s | %+.2f | %+.2f |" % (name, mib(plugin[name] - data[name]), mib(ref[name] - data[name])))
        print("| **reassembly in all** | %+.2f | %+.2f |" % (
            mib(sum(plugin[n] - data[n] for n in rows)), mib(sum(ref[n] - data[n] for n in rows))))

if __name__ == "__main__":
    main()
