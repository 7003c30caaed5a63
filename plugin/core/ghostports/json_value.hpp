// SPDX-License-Identifier: GPL-2.0-or-later
// A validating reader of JSON text (RFC 8259) for the signature rows of
// JSON protocols (JSON-RPC, OVSDB): it walks one value without building
// it, bounded in depth, and reports the members of a top-level object so a
// row can judge the message's shape. Linear in the text's length.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace ghostports::json {

enum class Kind : std::uint8_t { Null, Boolean, Number, String, Array, Object };

struct Member {
    std::string_view name;  // as written between the quotes (escapes not resolved)
    Kind kind;
    std::string_view value;  // a string's content between its quotes; empty for the other kinds
};

// A top-level object's members, in order; objects with more members than
// this are not read as messages unless keep_first_only says so.
struct Object {
    static constexpr std::size_t kMaxMembers = 16;
    std::array<Member, kMaxMembers> members{};
    std::size_t count = 0;
    // Read an object of more members too, keeping the first kMaxMembers
    // (a report or greeting whose leading members say what it is).
    bool keep_first_only = false;

    const Member *find(std::string_view name) const;
};

// Skips JSON whitespace from `at`.
std::size_t skip_space(std::string_view text, std::size_t at);

// Reads one object starting at `at` (no whitespace before it) and moves
// `at` past it; false when the text there is not one whole, valid JSON
// object (nesting deeper than 64, or a top level of more than kMaxMembers
// unless `out.keep_first_only`).
bool read_object(std::string_view text, std::size_t &at, Object &out);

}  // namespace ghostports::json
