// SPDX-License-Identifier: GPL-2.0-or-later
// A validating reader of bencoded values (BEP 3) for the rows of the
// protocols that speak it (BitTorrent's DHT, Bazaar, Clojure's nREPL,
// rtpengine's control protocol): it walks one value without building it,
// bounded in depth and in the items of a list or dictionary.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace ghostports::bencode {

using Payload = std::span<const std::uint8_t>;

// One string "<length>:<octets>" at `at`: `begin` and `length` say where its octets are; `at` moves past it.
bool string(Payload p, std::size_t &at, std::size_t &begin, std::size_t &length);

// One value (integer, string, list, dictionary) at `at`, at most `depth` levels below the top (8); `at` moves
// past it.
bool value(Payload p, std::size_t &at, int depth = 0);

// In the dictionary starting at `dict` (already read as a valid value), where the value of `key` starts, or 0.
std::size_t key_at(Payload p, std::size_t dict, std::string_view key);

// The string value of `key` in the dictionary at `dict`, or an empty view when it has none.
std::string_view string_at(Payload p, std::size_t dict, std::string_view key);

}  // namespace ghostports::bencode
