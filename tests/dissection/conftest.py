# SPDX-License-Identifier: GPL-2.0-or-later
"""pytest fixtures for the tshark-based rescap tests.

The plugin under test is $RESCAP_PLUGIN, default <repo>/build/rescap.so.
"""
import os
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# tools/synth_pcap.py: the one pcap writer for crafted inputs.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tools"))
import rescaptest as RT  # noqa: E402


def pytest_report_header(config):
    return "rescap plugin under test: %s" % RT.plugin_path()


@pytest.fixture(scope="session")
def tshark_env():
    """Session-wide tshark environment with the plugin installed; verified
    once that tshark really loads it."""
    env = RT.TShark(RT.plugin_path())
    try:
        plugins = env("-G", "plugins")
        lines = [l for l in plugins.splitlines() if l.split("\t")[0].strip() == "rescap.so"]
        if not lines or str(env.installed) not in lines[0]:
            pytest.fail("tshark does not load the rescap plugin from %s; `tshark -G plugins` says:\n%s"
                        % (env.installed, plugins), pytrace=False)
        protos = env("-G", "protocols")
        env.protocols = {l.split("\t")[2] for l in protos.splitlines() if l.count("\t") >= 2}
        if "rescap" not in env.protocols:
            pytest.fail("plugin loaded but protocol 'rescap' is not registered", pytrace=False)
        yield env
    finally:
        env.cleanup()


@pytest.fixture(scope="session")
def tshark(tshark_env):
    """tshark(*args) -> stdout; asserts exit status 0 and a clean stderr."""
    return tshark_env


@pytest.fixture(scope="session")
def synth_dir(tshark_env):
    """A folder tshark (as nobody) can read, for pcaps written by tools/synth_pcap.py."""
    d = tshark_env.tmp / "synth"
    d.mkdir(exist_ok=True)
    os.chmod(d, 0o755)
    return d


@pytest.fixture(scope="session")
def pdml(tshark_env):
    """pdml(capture name) -> rescaptest.Capture of `tshark -r X -2 -T pdml` (cached)."""
    return tshark_env.pdml


@pytest.fixture(scope="session")
def messages(tshark_env):
    """messages(capture name) -> rescap message elements in frame order, each
    with .items (logical item tree in preorder), .experts, .response, .form."""
    return lambda name: tshark_env.pdml(name).messages()


# Skips that doc/tests.md ("Tests") explains, by test node id
# prefix. Any other skip is turned into a failure: a skipped test in CI proves
# nothing and must not pass silently.
ALLOWED_SKIPS = {}


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail") \
            and not any(item.nodeid.startswith(prefix) for prefix in ALLOWED_SKIPS):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = ("skipped, and the skip is not in conftest.ALLOWED_SKIPS (doc/tests.md): %s" % reason)
