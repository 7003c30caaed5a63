# SPDX-License-Identifier: GPL-2.0-or-later
"""Shared bits of the evaluation scenarios: the temporary account, helpers
reused from tools/ghost/services.py (imported, not copied)."""
from services import tcp_client_script  # noqa: F401 - re-exported for the scenarios

# the temporary system account of the evaluation run (created / removed by eval.py)
EVAL_USER = 'evaluser'
EVAL_PASS = 'Ev4l-s3cret'

