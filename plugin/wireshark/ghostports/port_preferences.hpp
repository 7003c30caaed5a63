// SPDX-License-Identifier: GPL-2.0-or-later
// Whether a port is one of a ghost-port protocol's own: its "tcp.port" /
// "udp.port" preference (rescap 283, decap 403 by default, editable). Asked
// for every payload, so the preference is found once and its current value
// read through it: prefs_get_range_value() looks the module and the
// preference up by name on each call (2,700 instructions).
#pragma once

#include <glib.h>

namespace ghostports {

bool in_port_preference(const char *module, bool tcp, guint32 port);

}  // namespace ghostports
