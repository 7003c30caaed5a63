# SPDX-License-Identifier: GPL-2.0-or-later
"""Issue 21: the "Ghost ports" configuration profile, as scripts/install.sh
and the package install it (<build>/profile, made by cmake/profile.cmake:
the plugin's colouring rules in front of Wireshark's defaults, the service /
product / version / finding columns).

Selected as a user would (`-C "Ghost ports"`, tshark's --color applies the
profile's colouring rules): every frame that carries a finding is coloured by
the finding rule, never by the default TCP/UDP rules, and its Info column
leads with the finding: the cleartext login of the protocol and user the
synthesized client sent (ghostsynth.py). The profile's custom columns are
valid display filters and show the service.
"""
import shutil

import pytest

import ghostsynth as GS
import rescaptest as RT

PROFILE = "Ghost ports"
FINDING_RULE = "Ghost port: cleartext login or shell"
LOGINS = ["telnet_login", "ftp_login", "http_basic", "smtp_auth", "redis_auth"]


@pytest.fixture(scope="module")
def profile_env(tshark_env):
    built = RT.plugin_path().parent / "profile"
    assert (built / "colorfilters").exists(), "cmake/profile.cmake made no profile next to the plugin (%s)" % built
    target = tshark_env.home / ".config" / "wireshark" / "profiles" / PROFILE
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(built, target)
    for path in [target.parent.parent.parent, target.parent.parent, target.parent, target, *target.iterdir()]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    return tshark_env


def rows(env, path):
    out = env("-C", PROFILE, "--color", "-r", path, "-2", "-T", "fields", "-E", "separator=/t",
              "-e", "frame.number", "-e", "frame.coloring_rule.name", "-e", "_ws.col.Info",
              "-e", "rescap.exposure", "-e", "decap.exposure")
    return [l.split("\t") for l in out.splitlines() if l.strip()]


@pytest.mark.parametrize("name", LOGINS)
def test_finding_frames_coloured_and_named(profile_env, name):
    conversation, expected = GS.EXPOSURE_SCENARIOS[name]()
    d = profile_env.tmp / "profile"
    d.mkdir(exist_ok=True)
    d.chmod(0o755)
    path = d / (name + ".pcap")
    GS.write(path, conversation.packets)
    logins = [e for e in expected if e["kind"] == "cleartext_login"]
    assert logins, "premise: the scenario sends a cleartext login"
    got = rows(profile_env, str(path))
    findings = [r for r in got if r[3] or r[4]]
    assert findings and all(r[1] == FINDING_RULE for r in findings), \
        "finding frames coloured %s" % [(r[0], r[1]) for r in findings]
    login_frames = [r for r in findings if "cleartext_login" in (r[3] + "," + r[4]).split(",")]
    assert len(login_frames) == len(logins), "login frames %s for %s" % (login_frames, logins)
    for (number, _, info, *_), login in zip(login_frames, logins):
        lead = "Cleartext %s login" % login["protocol"]
        assert info.startswith(lead), "frame %s Info %r does not lead with %r" % (number, info, lead)
        if login["user"]:
            assert ("user " + login["user"]) in info.split(":")[0], info
    assert all(r[1] != FINDING_RULE for r in got if not (r[3] or r[4]))


def test_profile_columns_are_valid(profile_env):
    prefs = (RT.plugin_path().parent / "profile" / "preferences").read_text()
    fields = [part.split(":")[1] for part in prefs.split('"') if part.startswith("%Cus:")]
    assert len(fields) == 4, fields
    for expression in fields:
        profile_env("-r", profile_env.capture("udp_basic"), "-Y", expression, "-T", "fields", "-e", "frame.number")
    out = profile_env("-C", PROFILE, "-r", str(RT.CAPTURES / "ghost" / "ssh_password_403.pcap"), "-2")
    assert "SSH" in out and "OpenSSH" in out, out[:2000]
