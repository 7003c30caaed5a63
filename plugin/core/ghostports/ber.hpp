// SPDX-License-Identifier: GPL-2.0-or-later
// BER (X.690 8.1) definite lengths and one-octet-tag TLVs, shared by the
// rows of BER protocols (LDAP, SNMP in signatures.cpp; Z39.50 in
// storage_signatures.cpp) and the refutations. Header-only: a few lines
// each, inlined where they are read.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace ghostports::ber {

// A definite length at `i` (short form, or long form of 1-4 octets): sets `length` and moves `i` to the content.
inline bool length(std::span<const std::uint8_t> p, std::size_t &i, std::size_t &length) {
    if (i >= p.size()) return false;
    const std::uint8_t first = p[i++];
    if (first < 0x80) {
        length = first;
        return true;
    }
    const std::size_t octets = first & 0x7f;
    if (octets == 0 || octets > 4 || i + octets > p.size()) return false;
    length = 0;
    for (std::size_t k = 0; k < octets; ++k) length = length << 8 | p[i++];
    return true;
}

// A TLV with tag `tag` at `i`: sets [begin, end) of its content, which must fit in `limit`.
inline bool tlv(std::span<const std::uint8_t> p, std::size_t &i, std::uint8_t tag, std::size_t limit,
                std::size_t &begin, std::size_t &end) {
    if (i >= limit || p[i] != tag) return false;
    ++i;
    std::size_t size = 0;
    if (!length(p, i, size) || i + size > limit) return false;
    begin = i;
    end = i + size;
    i = end;
    return true;
}

}  // namespace ghostports::ber
