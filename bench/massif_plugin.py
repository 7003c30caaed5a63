#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Heap at the peak of a massif profile, split by the plugin function that
allocated it (the first caller inside rescap.so on each stack).

    massif_plugin.py massif.out [pattern]

pattern (a regex, default "rescap::|decap::|ghostports::|rescap\\.so")
names plugin frames. Run tshark under massif with
WIRESHARK_DEBUG_WMEM_OVERRIDE=simple so that every wmem allocation is a
malloc of its own and lands on the right stack (bench/profile.sh does).
"""
import collections
import re
import sys


def main():
    path = sys.argv[1]
    pat = re.compile(sys.argv[2] if len(sys.argv) > 2 else r"rescap::|decap::|ghostports::|rescap\.so")
    lines = open(path).read().splitlines()
    # Find the peak snapshot's tree.
    snaps, cur = [], None
    for i, l in enumerate(lines):
        if l.startswith("snapshot="):
            cur = {"start": i}
            snaps.append(cur)
        elif cur is not None and l.startswith("mem_heap_B="):
            cur["heap"] = int(l.split("=")[1])
        elif cur is not None and l.startswith("heap_tree="):
            cur["kind"] = l.split("=")[1]
            cur["tree"] = i + 1
    peak = [s for s in snaps if s.get("kind") == "peak"] or [max((s for s in snaps if s.get("kind") == "detailed"), key=lambda s: s["heap"])]
    peak = peak[0]
    node = re.compile(r"^( *)n(\d+): (\d+) (.*)$")
    by_fn = collections.Counter()
    total_heap = peak["heap"]
    stack = []  # (depth, inside_plugin)
    i = peak["tree"]
    while i < len(lines):
        m = node.match(lines[i])
        if not m:
            break
        depth, nbytes, what = len(m.group(1)), int(m.group(3)), m.group(4)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        inside = any(s[1] for s in stack)
        mine = bool(pat.search(what))
        if mine and not inside:
            fn = re.sub(r"^0x[0-9A-Fa-f]+: ", "", what)
            by_fn[fn] += nbytes
        stack.append((depth, inside or mine))
        i += 1
    plugin = sum(by_fn.values())
    print("peak heap %.1f MiB; allocated through plugin code: %.2f MiB (%.1f%%)" % (
        total_heap / 2**20, plugin / 2**20, 100.0 * plugin / max(total_heap, 1)))
    for fn, n in by_fn.most_common(15):
        print("  %9.2f MiB  %s" % (n / 2**20, fn[:160]))


if __name__ == "__main__":
    main()
