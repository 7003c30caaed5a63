// SPDX-License-Identifier: GPL-2.0-or-later
// What differs between the Wireshark versions the plugin supports (4.0, 4.4,
// 4.6), in one place. Each type is read from Wireshark's own declaration
// (decltype, __has_include), so the glue is written once and builds against
// every version without version checks of its own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <tuple>
#include <type_traits>

#include <wireshark.h>

#include <epan/packet.h>
#include <epan/prefs.h>
// After packet.h, which 4.4's reassemble.h needs before it; 4.0's lacks the
// extern "C" guard of the other headers.
extern "C" {
#include <epan/reassemble.h>
}
#include <epan/strutil.h>
#include <epan/uat.h>
#include <wsutil/str_util.h>
// 4.6 moved value_string.h from epan/ to wsutil/.
#if __has_include(<wsutil/value_string.h>)
#include <wsutil/value_string.h>
#else
#include <epan/value_string.h>
#endif
#if __has_include(<wsutil/plugins.h>)
#include <wsutil/plugins.h>
#endif

namespace ws_compat {
namespace detail {

template <typename Function>
struct Signature;
template <typename Result_, typename... Args>
struct Signature<Result_ (*)(Args...)> {
    using Result = Result_;
    template <std::size_t N>
    using Arg = std::tuple_element_t<N, std::tuple<Args...>>;
};

}  // namespace detail

// gboolean in 4.0, bool from 4.2 on.
using HeuristicResult = detail::Signature<heur_dissector_t>::Result;
using UatCheckResult = detail::Signature<uat_update_cb_t>::Result;
using UatFieldCheckResult = detail::Signature<uat_fld_chk_cb_t>::Result;
// wmem's user callbacks: gboolean in 4.0, bool from 4.2 on.
using WmemCallbackResult = detail::Signature<wmem_user_cb_t>::Result;
using PrefBool = std::remove_pointer_t<detail::Signature<decltype(&prefs_register_bool_preference)>::Arg<4>>;

// format_text takes `const guchar *` in 4.0 (epan/strutil.h) and
// `const char *` from 4.2 on (wsutil/str_util.h).
inline const char *format_text(wmem_allocator_t *pool, const std::uint8_t *text, std::size_t length) {
    using Text = detail::Signature<decltype(&::format_text)>::Arg<1>;
    return ::format_text(pool, reinterpret_cast<Text>(text), length);
}

// What plugin_describe() returns. 4.0 has no plugin_describe (it never looks
// the symbol up and calls every epan plugin a dissector); later versions
// list a plugin without it as "unknown".
#ifdef WS_PLUGIN_DESC_DISSECTOR
inline constexpr std::uint32_t kPluginDescription = WS_PLUGIN_DESC_DISSECTOR;
#else
inline constexpr std::uint32_t kPluginDescription = 0;
#endif

}  // namespace ws_compat
