"""Shared bits of the evaluation scenarios: the temporary account, helpers
reused from tools/ghost/services.py (imported, not copied)."""
import time
import urllib.request

from services import BIND_CAP, tcp_client_script, self_signed, b64  # noqa: F401  (re-exported)

# the temporary system account of the evaluation run (created / removed by eval.py)
EVAL_USER = 'evaluser'
EVAL_PASS = 'Ev4l-s3cret'


def wait_http(url, timeout=20):
    end = time.time() + timeout
    while time.time() < end:
        try:
            urllib.request.urlopen(url, timeout=2).read()
            return
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
