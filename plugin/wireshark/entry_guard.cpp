// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/entry_guard.hpp"

#include <epan/exceptions.h>
#include <glib.h>

namespace entry_guard {
namespace {

char g_message[256];

}  // namespace

void remember_failure(const char *what) noexcept {
    g_snprintf(g_message, sizeof g_message, "C++ exception in the rescap plugin: %s", what != nullptr ? what : "?");
}

void raise_dissector_error() noexcept {
    THROW_MESSAGE(DissectorError, g_message);
}

}  // namespace entry_guard
