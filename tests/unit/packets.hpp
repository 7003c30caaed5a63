// SPDX-License-Identifier: GPL-2.0-or-later
// Builds inner packets (IPv4/IPv6 + UDP, Ethernet frames) for the decap unit
// tests: the inner-packet check and the tunnel recognition share them.
#pragma once

#include "builder.hpp"

namespace decap::test {

using rescap::test::Bytes;
using rescap::test::u16;
using rescap::test::operator+;

// An IPv4/UDP header with a correct checksum around `payload`.
inline Bytes ipv4_udp(const Bytes &payload) {
    const unsigned total = 20 + 8 + static_cast<unsigned>(payload.size());
    Bytes p = Bytes{0x45, 0x00} + u16(total) + Bytes{0x12, 0x34, 0x40, 0x00, 64, 17, 0, 0, 192, 0, 2, 1, 192, 0, 2, 53};
    std::uint32_t sum = 0;
    for (std::size_t i = 0; i < 20; i += 2) sum += static_cast<std::uint32_t>(p[i] << 8 | p[i + 1]);
    while (sum >> 16) sum = (sum & 0xFFFF) + (sum >> 16);
    const auto checksum = static_cast<std::uint16_t>(~sum);
    p[10] = static_cast<std::uint8_t>(checksum >> 8);
    p[11] = static_cast<std::uint8_t>(checksum);
    return p + u16(40000) + u16(53) + u16(8 + static_cast<unsigned>(payload.size())) + u16(0) + payload;
}

inline Bytes ipv6_udp(const Bytes &payload) {
    const unsigned length = 8 + static_cast<unsigned>(payload.size());
    return Bytes{0x60, 0, 0, 0} + u16(length) + Bytes{17, 64} + Bytes(32, 0x20) + u16(40000) + u16(53) + u16(length) +
           u16(0) + payload;
}

inline Bytes ethernet(unsigned ethertype, const Bytes &packet) {
    return Bytes(12, 0x02) + u16(ethertype) + packet;
}

}  // namespace decap::test
