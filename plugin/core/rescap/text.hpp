// SPDX-License-Identifier: GPL-2.0-or-later
// Text checks that the parser needs without pulling in GLib.
#pragma once

#include <cstdint>
#include <span>

namespace rescap {

// Strict UTF-8 (RFC 3629): no overlongs, no surrogates, nothing above U+10FFFF.
bool is_valid_utf8(std::span<const std::uint8_t> text);

// Worth showing as text: non-empty valid UTF-8 without control characters
// other than tab, CR and LF (a vCard, a media type list, a message).
bool is_printable_text(std::span<const std::uint8_t> text);

}  // namespace rescap
