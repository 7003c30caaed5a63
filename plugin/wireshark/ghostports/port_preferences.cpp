// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/port_preferences.hpp"

#include <array>
#include <cstring>

#include <epan/prefs.h>
#include <epan/range.h>

// After prefs.h, whose types it uses: prefs_get_range_value_real().
#include <epan/prefs-int.h>

namespace ghostports {
namespace {

struct Found {
    const char *module = nullptr;  // a static name ("rescap", "decap")
    bool tcp = false;
    pref_t *preference = nullptr;  // lives as long as its module; nullptr: none
};

}  // namespace

bool in_port_preference(const char *module, bool tcp, guint32 port) {
    static std::array<Found, 4> found{};  // two modules x two transports
    Found *slot = nullptr;
    for (Found &f : found) {
        if (f.module != nullptr && f.tcp == tcp && std::strcmp(f.module, module) == 0) {
            slot = &f;
            break;
        }
        if (f.module == nullptr) {
            module_t *owner = prefs_find_module(module);
            f = {module, tcp, owner != nullptr ? prefs_find_preference(owner, tcp ? "tcp.port" : "udp.port") : nullptr};
            slot = &f;
            break;
        }
    }
    // More callers than slots: look it up by name as before.
    range_t *ports = slot == nullptr               ? prefs_get_range_value(module, tcp ? "tcp.port" : "udp.port")
                     : slot->preference != nullptr ? prefs_get_range_value_real(slot->preference, pref_current)
                                                   : nullptr;
    return ports != nullptr && value_is_in_range(ports, port);
}

}  // namespace ghostports
