// SPDX-License-Identifier: GPL-2.0-or-later
// Reading fields out of a payload, shared by the matchers of the signature
// table (framed_signatures*.cpp). Callers check the bounds first: these
// read exactly where they are told.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <span>
#include <string_view>

#include "core/rescap/text.hpp"

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

inline unsigned be16(Payload p, std::size_t at) {
    return static_cast<unsigned>(p[at] << 8 | p[at + 1]);
}
inline std::uint32_t be24(Payload p, std::size_t at) {
    return static_cast<std::uint32_t>(p[at]) << 16 | be16(p, at + 1);
}
inline std::uint32_t be32(Payload p, std::size_t at) {
    return static_cast<std::uint32_t>(p[at]) << 24 | be24(p, at + 1);
}
inline unsigned le16(Payload p, std::size_t at) {
    return static_cast<unsigned>(p[at + 1] << 8 | p[at]);
}
inline std::uint32_t le32(Payload p, std::size_t at) {
    return static_cast<std::uint32_t>(le16(p, at + 2)) << 16 | le16(p, at);
}
// The octets [at, at + size) as text (the caller checked the bounds).
inline std::string_view text_at(Payload p, std::size_t at, std::size_t size) {
    return {reinterpret_cast<const char *>(p.data()) + at, size};
}
inline bool has_at(Payload p, std::size_t at, std::string_view s) {
    return at <= p.size() && p.size() - at >= s.size() &&
           std::equal(s.begin(), s.end(), p.begin() + static_cast<std::ptrdiff_t>(at),
                      [](char c, std::uint8_t b) { return static_cast<std::uint8_t>(c) == b; });
}
inline bool printable(Payload p) {
    return std::all_of(p.begin(), p.end(), [](std::uint8_t c) { return c >= 0x20 && c < 0x7f; });
}
// Printable ASCII without space: names, keys, URI segments.
inline bool visible(Payload p) {
    return std::all_of(p.begin(), p.end(), [](std::uint8_t c) { return c > 0x20 && c < 0x7f; });
}
// No C0 control octet and no DEL (octets above 0x7f pass unchecked); with
// `line_breaks`, tab, CR and LF are allowed.
inline bool no_controls(Payload p, bool line_breaks = false) {
    return std::all_of(p.begin(), p.end(), [line_breaks](std::uint8_t c) {
        return (c >= 0x20 && c != 0x7f) || (line_breaks && (c == '\t' || c == '\r' || c == '\n'));
    });
}
// Text a protocol calls UTF-8: valid UTF-8 without control octets.
inline bool utf8_text(Payload p, bool line_breaks = false) {
    return rescap::is_valid_utf8(p) && no_controls(p, line_breaks);
}
inline bool all_zero(Payload p) {
    return std::all_of(p.begin(), p.end(), [](std::uint8_t c) { return c == 0; });
}
inline bool one_of(unsigned value, std::initializer_list<unsigned> set) {
    return std::find(set.begin(), set.end(), value) != set.end();
}
inline bool in_range(unsigned value, unsigned low, unsigned high) {
    return value >= low && value <= high;
}
// A NUL-terminated printable string starting at `at` inside `end`; `at` moves past the NUL.
inline bool c_string(Payload p, std::size_t &at, std::size_t end) {
    const std::size_t begin = at;
    while (at < end && p[at] != 0) ++at;
    if (at >= end || !printable(p.subspan(begin, at - begin))) return false;
    ++at;
    return true;
}

}  // namespace ghostports::framed
