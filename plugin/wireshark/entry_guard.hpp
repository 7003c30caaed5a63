// SPDX-License-Identifier: GPL-2.0-or-later
// Wireshark calls the plugin from C. A C++ exception (std::bad_alloc from a
// container, say) must never unwind into that C code: every entry point
// epan calls (dissectors, heuristics, the postdissector) runs its body
// through guarded(), which ends the C++ exception where it is caught and
// only then raises Wireshark's own DissectorError, so the frame shows a
// "Dissector bug" and the capture goes on. Wireshark's exceptions are
// longjmp: the body's lambda holds only references, so nothing with a
// destructor is skipped when one passes through.
#pragma once

#include <exception>

namespace entry_guard {

// Keeps the message of a caught C++ exception (the exception itself is gone
// once its handler ends).
void remember_failure(const char *what) noexcept;

// Raises DissectorError with the remembered message.
[[noreturn]] void raise_dissector_error() noexcept;

template <typename Body>
auto guarded(Body &&body) noexcept -> decltype(body()) {
    decltype(body()) result{};
    bool failed = false;
    try {
        result = body();
    } catch (const std::exception &e) {
        remember_failure(e.what());
        failed = true;
    } catch (...) {
        remember_failure("unknown C++ exception");
        failed = true;
    }
    if (failed) raise_dissector_error();
    return result;
}

}  // namespace entry_guard
