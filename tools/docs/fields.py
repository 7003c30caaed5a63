#!/usr/bin/python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Writes doc/fields.md from what the plugin registers, so the field reference cannot drift.

    /usr/bin/python3 tools/docs/fields.py [--plugin build/rescap.so] [--output doc/fields.md]

Loads the plugin (default $RESCAP_PLUGIN, else build/rescap.so) into tshark through
scripts/tshark-with-plugin.sh (as nobody when root: tshark ignores personal plugins for root) and
reads `-G protocols`, `-G fields`, `-G values` and `-G defaultprefs`. Every field, expert info and
preference of the plugin's protocols (rescap, decap, ghostid) goes into the page, sorted by name, so
the same plugin always gives the same page. tshark lists an expert info as a field without its
severity; the severity and group are read from the tables that register them in plugin/ (the
diagnostics table of rescap, the ei_register_info arrays of the glue), and an expert info found in
neither fails the run rather than being guessed.

Build first: source scripts/lib/build.sh; rescap_build build -DRESCAP_BUILD_TESTS=OFF
"""
import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WRAPPER = REPO / "scripts" / "tshark-with-plugin.sh"
PROTOCOLS = ("rescap", "decap", "ghostid")   # the plugin's protocols, in the page's order
DIAGNOSTICS = REPO / "plugin" / "core" / "rescap" / "diagnostics.cpp"

# rescap's findings: one row per finding in the core table, named rescap.expert.<name> by the glue.
DIAG_ROW = re.compile(r'DiagSpec\{\s*\w+,\s*"(?P<name>\w+)",\s*(?P<sev>\w+),\s*(?P<group>\w+),')
# decap's and the ghost ports' ei_register_info rows; "%s" is the layer for a table shared by both.
EI_ROW = re.compile(r'"(?P<name>[\w%.]+\.expert\.\w+)"[^",]*(?:,\s*\w+\))?\s*,\s*PI_(?P<group>[A-Z_]+)\s*,'
                    r'\s*PI_(?P<sev>[A-Z]+)')
CORE_SEVERITY = {"Error": "error", "Warning": "warning", "Note": "note", "Chat": "chat"}
PI_SEVERITY = {"ERROR": "error", "WARN": "warning", "NOTE": "note", "CHAT": "chat", "COMMENT": "comment"}
SEVERITY_ORDER = {"error": 0, "warning": 1, "note": 2, "chat": 3, "comment": 4}


def tshark_report(plugin, report):
    run = subprocess.run(["bash", str(WRAPPER), "--plugin", str(plugin), "-G", report],
                         capture_output=True, text=True, timeout=300)
    if run.returncode != 0:
        sys.exit("tshark -G %s failed (%d): %s" % (report, run.returncode, run.stderr.strip()))
    return run.stdout


def tshark_version():
    tshark = os.environ.get("RESCAP_TSHARK", "tshark")   # the one scripts/lib/tshark.sh runs
    out = subprocess.run([tshark, "-v"], capture_output=True, text=True, timeout=60).stdout
    match = re.search(r"TShark \(Wireshark\) (\d+\.\d+)\.", out)
    return match.group(1) if match else "unknown"


def md(text):
    """Text from tshark made safe for a Markdown table cell."""
    text = " ".join(text.split())
    for char in "\\`*|[]":
        text = text.replace(char, "\\" + char)
    return text.replace("<", "&lt;").replace(">", "&gt;")


def code(text):
    """A code span that holds any text (a longer backtick fence when the text has backticks)."""
    text = " ".join(text.split()).replace("|", "\\|")
    fence = "`" * (max((len(m) for m in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return fence + pad + text + pad + fence


def ours(abbrev):
    return abbrev.split(".")[0] in PROTOCOLS


def read_protocols(plugin):
    names = {}
    for line in tshark_report(plugin, "protocols").splitlines():
        cols = line.split("\t")
        if len(cols) >= 3 and cols[2] in PROTOCOLS:
            names[cols[2]] = (cols[0], cols[1])
    if "rescap" not in names:
        sys.exit("the plugin did not load: tshark -G protocols has no rescap (plugin %s)" % plugin)
    return names


def read_fields(plugin):
    fields = []
    for line in tshark_report(plugin, "fields").splitlines():
        cols = line.split("\t") + [""] * 8   # a version that drops empty trailing columns still parses
        if cols[0] == "F" and ours(cols[2]):
            fields.append({"label": cols[1], "abbrev": cols[2], "type": cols[3], "proto": cols[4],
                           "base": cols[5], "mask": cols[6], "blurb": cols[7]})
    return fields


def read_values(plugin):
    values, units = {}, {}
    for line in tshark_report(plugin, "values").splitlines():
        cols = line.split("\t")
        if len(cols) < 3 or not ours(cols[1]):
            continue
        kind, abbrev = cols[0], cols[1]
        if kind == "V" and len(cols) >= 4:
            values.setdefault(abbrev, []).append("%s %s" % (code(cols[2]), md(cols[3])))
        elif kind == "R" and len(cols) >= 5:
            values.setdefault(abbrev, []).append("%s…%s %s" % (code(cols[2]), code(cols[3]), md(cols[4])))
        elif kind == "T" and len(cols) >= 4:
            values.setdefault(abbrev, []).append("true: %s, false: %s" % (md(cols[2]), md(cols[3])))
        elif kind == "U" and len(cols) >= 4:
            units[abbrev] = cols[3].strip() or cols[2].strip()
    return values, units


def read_preferences(plugin):
    """(name, default, kind, description) of each of our preferences, from -G defaultprefs."""
    prefs, comments = [], []
    pref_line = re.compile(r"^#?(?P<name>(?:%s)\.\S+): ?(?P<value>.*)$" % "|".join(PROTOCOLS))
    for line in tshark_report(plugin, "defaultprefs").splitlines():
        match = pref_line.match(line)
        if match:
            kind = comments[-1] if comments else ""
            description = " ".join(comments[:-1])
            prefs.append((match["name"], match["value"], kind, description))
            comments = []
        elif line.startswith("# "):
            comments.append(line[2:].strip())
        else:
            comments = []
    return sorted(prefs)


def read_expert_severities(registered):
    """name -> (severity, group) for each registered expert, from the tables in plugin/."""
    found = {}
    for match in DIAG_ROW.finditer(DIAGNOSTICS.read_text()):
        found["rescap.expert." + match["name"]] = (CORE_SEVERITY[match["sev"]], match["group"].lower())
    patterns = []
    for path in sorted((REPO / "plugin").rglob("*.cpp")):
        for match in EI_ROW.finditer(path.read_text()):
            sev = PI_SEVERITY.get(match["sev"], match["sev"].lower())
            patterns.append((re.compile(re.escape(match["name"]).replace("%s", r"\w+") + "$"),
                             (sev, match["group"].lower())))
    out, missing = {}, []
    for name in registered:
        if name in found:
            out[name] = found[name]
            continue
        hits = [info for pattern, info in patterns if pattern.match(name)]
        if len(hits) == 1:
            out[name] = hits[0]
        else:
            missing.append(name)
    if missing:
        sys.exit("severity of %s not found in plugin/ (a DiagSpec row or an ei_register_info row "
                 "with PI_<group>, PI_<severity>): update tools/docs/fields.py's patterns" % ", ".join(missing))
    return out


def is_expert(field):
    return ".expert." in field["abbrev"] and field["type"] == "FT_NONE" and not field["blurb"]


def count(n, noun):
    return "%d %s%s" % (n, noun, "" if n == 1 else "s")


def base_text(field):
    base = field["base"]
    if field["type"] == "FT_BOOLEAN":
        base = "%s bits" % base if base not in ("", "0") else ""
    elif base == "BASE_NONE":
        base = ""
    if field["mask"] not in ("", "0x0", "0"):
        base = (base + ", " if base else "") + "mask " + field["mask"]
    return base


def render(version, protocols, fields, values, units, prefs, severities):
    out = ["# Display-filter fields, expert infos and preferences", "",
           "<!-- Generated by tools/docs/fields.py from the plugin's registration; do not edit. -->", "",
           "Generated by `/usr/bin/python3 tools/docs/fields.py` from what the plugin registers in",
           "Wireshark %s (`tshark -G fields`, `-G values`, `-G defaultprefs`); expert severities and" % version,
           "groups from the tables in `plugin/` that register them. Do not edit: change the plugin, rebuild,",
           "re-run the tool (`tests/dissection/test_docs.py` fails while this page differs from the",
           "registration). What the fields mean in context: [decoding.md](decoding.md) and",
           "[ghost-ports.md](ghost-ports.md).", ""]
    for proto in PROTOCOLS:
        if proto not in protocols:
            continue
        name, short = protocols[proto]
        mine = sorted((f for f in fields if f["abbrev"].split(".")[0] == proto), key=lambda f: f["abbrev"])
        plain = [f for f in mine if not is_expert(f)]
        experts = [f for f in mine if is_expert(f)]
        mine_prefs = [p for p in prefs if p[0].split(".")[0] == proto]
        out += ["## %s: %s" % (proto, md(name)), ""]
        out += ["Protocol `%s` (%s): %s, %s, %s." % (proto, md(short), count(len(plain), "field"),
                                                   count(len(experts), "expert info"),
                                                   count(len(mine_prefs), "preference")), ""]
        if plain:
            out += ["### %s fields" % proto, "",
                    "| field | label | type | display | description |", "|---|---|---|---|---|"]
            for f in plain:
                ftype = f["type"] + (" (%s)" % md(units[f["abbrev"]]) if f["abbrev"] in units else "")
                out.append("| `%s` | %s | %s | %s | %s |" %
                           (f["abbrev"], md(f["label"]), ftype, base_text(f), md(f["blurb"])))
            out.append("")
            listed = [f["abbrev"] for f in plain if f["abbrev"] in values]
            if listed:
                out += ["Values:", ""]
                out += ["- `%s`: %s" % (a, "; ".join(values[a])) for a in listed]
                out.append("")
        if experts:
            out += ["### %s expert infos" % proto, "",
                    "| expert info | severity | group | summary |", "|---|---|---|---|"]
            ordered = sorted(experts, key=lambda f: (SEVERITY_ORDER.get(severities[f["abbrev"]][0], 9), f["abbrev"]))
            for f in ordered:
                sev, group = severities[f["abbrev"]]
                out.append("| `%s` | %s | %s | %s |" % (f["abbrev"], sev, group, md(f["label"])))
            out.append("")
        if mine_prefs:
            out += ["### %s preferences" % proto, "",
                    "Set in *Edit › Preferences › Protocols* or with `tshark -o name:value`.", "",
                    "| preference | default | value | description |", "|---|---|---|---|"]
            for pname, default, kind, description in mine_prefs:
                out.append("| `%s` | %s | %s | %s |" % (pname, code(default) if default else "", md(kind),
                                                          md(description)))
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def generate(plugin):
    protocols = read_protocols(plugin)
    fields = read_fields(plugin)
    values, units = read_values(plugin)
    prefs = read_preferences(plugin)
    severities = read_expert_severities([f["abbrev"] for f in fields if is_expert(f)])
    return render(tshark_version(), protocols, fields, values, units, prefs, severities)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--plugin", default=os.environ.get("RESCAP_PLUGIN", str(REPO / "build" / "rescap.so")))
    parser.add_argument("--output", default=str(REPO / "doc" / "fields.md"))
    args = parser.parse_args()
    if not Path(args.plugin).is_file():
        sys.exit("no plugin at %s: build first (source scripts/lib/build.sh; "
                 "rescap_build build -DRESCAP_BUILD_TESTS=OFF) or give --plugin" % args.plugin)
    text = generate(Path(args.plugin).resolve())
    Path(args.output).write_text(text)
    print("wrote %s" % args.output)


if __name__ == "__main__":
    main()
