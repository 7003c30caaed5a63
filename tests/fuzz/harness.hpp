// SPDX-License-Identifier: GPL-2.0-or-later
// What every libFuzzer target of plugin/core shares: the invariant check
// that aborts (so libFuzzer keeps the input), a read of every octet of a
// span the code under test returned (so ASan sees a stray view), and the
// ways a target cuts its input into parts. Header-only: each target is one
// translation unit plus rescap_core_fuzz.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <span>
#include <string_view>
#include <vector>

namespace fuzz {

using Bytes = std::span<const std::uint8_t>;

// Prints the broken condition and any number of values, then aborts.
template <typename... Values>
[[noreturn]] void fail(const char *file, int line, const char *what, Values... values) {
    std::fprintf(stderr, "%s:%d: invariant broken: %s", file, line, what);
    ((std::fprintf(stderr, " %zu", static_cast<std::size_t>(values))), ...);
    std::fprintf(stderr, "\n");
    std::abort();
}

#define FUZZ_CHECK(cond, ...)                                                            \
    do {                                                                                 \
        if (!(cond)) ::fuzz::fail(__FILE__, __LINE__, #cond __VA_OPT__(, ) __VA_ARGS__); \
    } while (0)

inline volatile std::uint8_t sink;

// Reads every octet so that ASan reports a view into freed or foreign memory.
inline void touch(Bytes bytes) {
    std::uint8_t x = 0;
    for (const auto b : bytes) x ^= b;
    sink = x;
}
inline void touch(std::string_view text) {
    touch(Bytes(reinterpret_cast<const std::uint8_t *>(text.data()), text.size()));
}

inline std::string_view as_text(Bytes bytes) {
    return {reinterpret_cast<const char *>(bytes.data()), bytes.size()};
}
inline Bytes as_bytes(std::string_view text) {
    return {reinterpret_cast<const std::uint8_t *>(text.data()), text.size()};
}

// Whether `part` is a view into `whole` (a span the code returned from its input).
inline bool inside(std::string_view part, std::string_view whole) {
    return part.empty() || (part.data() >= whole.data() && part.data() + part.size() <= whole.data() + whole.size());
}

// The input cut at every occurrence of `separator` (at most `max_parts`
// parts: the last one keeps the rest, separators included).
inline std::vector<Bytes> split(Bytes input, std::string_view separator, std::size_t max_parts) {
    std::vector<Bytes> parts;
    std::string_view rest = as_text(input);
    while (parts.size() + 1 < max_parts) {
        const auto at = rest.find(separator);
        if (at == std::string_view::npos) break;
        parts.push_back(as_bytes(rest.substr(0, at)));
        rest.remove_prefix(at + separator.size());
    }
    parts.push_back(as_bytes(rest));
    return parts;
}

// One payload of a conversation, as tests/fuzz/extract_seeds.py --format
// conversation writes them: an octet whose low bit says "from the client",
// a 2-octet big-endian length, the payload (the last one may be cut short).
struct Payload {
    bool from_client;
    Bytes bytes;
};

inline std::vector<Payload> conversation(Bytes input) {
    std::vector<Payload> payloads;
    std::size_t at = 0;
    while (at + 3 <= input.size()) {
        const bool from_client = (input[at] & 1) != 0;
        const std::size_t length = static_cast<std::size_t>(input[at + 1] << 8 | input[at + 2]);
        at += 3;
        const std::size_t take = length < input.size() - at ? length : input.size() - at;
        payloads.push_back({from_client, input.subspan(at, take)});
        at += take;
    }
    return payloads;
}

}  // namespace fuzz
