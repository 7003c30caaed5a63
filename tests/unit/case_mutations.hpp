// SPDX-License-Identifier: GPL-2.0-or-later
// Targeted mutations of the real cases of signature_cases.hpp, for the
// tests that show each check of a row's matcher matters: the case with one
// octet set or changed, cut or made longer, and the check that every such
// variant stays unnamed while the case itself is named. Shared by the
// tests of framed_signatures.cpp and aaa_realtime_signatures.cpp.
#pragma once

#include <gtest/gtest.h>

#include <initializer_list>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "builder.hpp"
#include "signature_cases.hpp"
#include "core/ghostports/signatures.hpp"

namespace rescap::test::mutation {

using ghostports::Sender;
using ghostports::Transport;

inline const SignatureCase &the_case(std::string_view what) {
    for (const auto &c : signature_cases())
        if (what == c.what) return c;
    throw std::runtime_error("no case " + std::string(what));
}

inline std::string name_of(const Bytes &payload, Transport transport, Sender sender) {
    const auto *row = ghostports::match_signature(payload, transport, sender);
    return row != nullptr ? row->protocol : "";
}

// The case's payload with the octet at `at` set to `value` (or, with
// `delta`, changed by it).
inline Bytes with(std::string_view what, std::size_t at, std::uint8_t value) {
    Bytes p = the_case(what).payload;
    p.at(at) = value;
    return p;
}
inline std::size_t size_of_case(std::string_view what) {
    return the_case(what).payload.size();
}
inline Bytes bumped(std::string_view what, std::size_t at, int delta) {
    Bytes p = the_case(what).payload;
    p.at(at) = static_cast<std::uint8_t>(p.at(at) + delta);
    return p;
}
inline Bytes longer(std::string_view what) {
    return the_case(what).payload + Bytes{0x00};
}
inline Bytes cut(std::string_view what, std::size_t size) {
    const Bytes &p = the_case(what).payload;
    return Bytes(p.begin(), p.begin() + static_cast<std::ptrdiff_t>(size));
}

// Each variant of case `what` stays unnamed, while the case itself is named.
inline void expect_unnamed(std::string_view what, std::initializer_list<std::pair<const char *, Bytes>> variants) {
    const auto &c = the_case(what);
    ASSERT_EQ(name_of(c.payload, c.transport, c.sender), c.protocol) << what;
    for (const auto &[change, p] : variants) EXPECT_EQ(name_of(p, c.transport, c.sender), "") << what << ": " << change;
}

}  // namespace rescap::test::mutation
