// SPDX-License-Identifier: GPL-2.0-or-later
// The plugin's entry symbols: Wireshark looks these up by name, so they
// need C linkage and must be exported.
#include <wireshark.h>

#include <epan/packet.h>
#include <epan/proto.h>

#include "wireshark/compat.hpp"
#include "wireshark/decap/dissector.hpp"
#include "wireshark/ghostports/conversation.hpp"
#include "wireshark/rescap/dissector.hpp"

extern "C" {

// `extern` gives the const objects external linkage, as C would.
WS_DLL_PUBLIC_DEF extern const gchar plugin_version[] = PLUGIN_VERSION;
WS_DLL_PUBLIC_DEF extern const int plugin_want_major = WIRESHARK_VERSION_MAJOR;
WS_DLL_PUBLIC_DEF extern const int plugin_want_minor = WIRESHARK_VERSION_MINOR;

// noexcept: a C++ exception must never unwind into Wireshark's C code; if
// one escaped registration (std::bad_alloc), terminating is the honest end.
// The entry points called while dissecting catch theirs (entry_guard.hpp).
WS_DLL_PUBLIC void plugin_register(void) noexcept;
WS_DLL_PUBLIC std::uint32_t plugin_describe(void) noexcept;

// Lists the plugin as a dissector plugin in `tshark -G plugins` and
// Help > About > Plugins (4.0 never calls it).
std::uint32_t plugin_describe(void) noexcept {
    return ws_compat::kPluginDescription;
}

void plugin_register(void) noexcept {
    static const proto_plugin rescap_plugin{rescap::register_protocol, rescap::register_handoff};
    static const proto_plugin decap_plugin{decap::register_protocol, decap::register_handoff};
    proto_register_plugin(&rescap_plugin);
    proto_register_plugin(&decap_plugin);
    static const proto_plugin identity_plugin{ghostports::register_ghostid_protocol, nullptr};
    proto_register_plugin(&identity_plugin);
}

}  // extern "C"
