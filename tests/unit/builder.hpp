// SPDX-License-Identifier: GPL-2.0-or-later
// Builds rescap octets for the unit tests, straight from the spec's item
// format (2-octet tag, continuation bit + 15-bit length, content).
#pragma once

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace rescap::test {

using Bytes = std::vector<std::uint8_t>;

// Sized once, then filled: appending to `a` in place made g++ 16 see a
// memcpy past the end of a's old buffer on the growth path (-Warray-bounds).
inline Bytes operator+(const Bytes &a, const Bytes &b) {
    Bytes out(a.size() + b.size());
    std::copy(b.begin(), b.end(), std::copy(a.begin(), a.end(), out.begin()));
    return out;
}

inline Bytes u16(unsigned v) {
    return {static_cast<std::uint8_t>(v >> 8), static_cast<std::uint8_t>(v)};
}
inline Bytes u32(unsigned v) {
    return u16(v >> 16) + u16(v & 0xFFFF);
}
inline Bytes text(std::string_view s) {
    return Bytes(s.begin(), s.end());
}
inline Bytes octets(std::size_t n, std::uint8_t fill = 0xAB) {
    return Bytes(n, fill);
}

// One wire item (one fragment when `more` is set).
inline Bytes item(unsigned tag, const Bytes &content, bool more = false) {
    return u16(tag) + u16(static_cast<unsigned>(content.size()) | (more ? 0x8000u : 0u)) + content;
}

inline Bytes concat(std::initializer_list<Bytes> parts) {
    Bytes out;
    for (const Bytes &p : parts) out = out + p;
    return out;
}

// Count-form container header: prefix then a 2-octet count.
inline Bytes counted(unsigned tag, unsigned count, const Bytes &prefix = {}) {
    return item(tag, prefix + u16(count));
}

}  // namespace rescap::test
