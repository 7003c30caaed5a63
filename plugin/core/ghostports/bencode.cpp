// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/bencode.hpp"

namespace ghostports::bencode {
namespace {

// A list or dictionary holds at most this many items; more is not read.
constexpr std::size_t kMaxItems = 64;
constexpr int kMaxDepth = 8;

bool digit(std::uint8_t c) {
    return c >= '0' && c <= '9';
}

}  // namespace

bool string(Payload p, std::size_t &at, std::size_t &begin, std::size_t &length) {
    std::size_t digits = at;
    while (digits < p.size() && digits - at < 7 && digit(p[digits])) ++digits;
    if (digits == at || digits >= p.size() || p[digits] != ':') return false;
    length = 0;
    for (std::size_t i = at; i < digits; ++i) length = length * 10 + (p[i] - '0');
    if (length > p.size() - digits - 1) return false;
    begin = digits + 1;
    at = begin + length;
    return true;
}

bool value(Payload p, std::size_t &at, int depth) {
    if (at >= p.size() || depth > kMaxDepth) return false;
    const std::uint8_t c = p[at];
    if (c == 'i') {
        std::size_t end = at + 1;
        if (end < p.size() && p[end] == '-') ++end;
        const std::size_t digits = end;
        while (end < p.size() && end - digits < 20 && digit(p[end])) ++end;
        if (end == digits || end >= p.size() || p[end] != 'e') return false;
        at = end + 1;
        return true;
    }
    if (c == 'l' || c == 'd') {
        ++at;
        for (std::size_t count = 0; at < p.size() && p[at] != 'e'; ++count) {
            std::size_t begin = 0, length = 0;
            if (count == kMaxItems) return false;
            if (c == 'd' && !string(p, at, begin, length)) return false;
            if (!value(p, at, depth + 1)) return false;
        }
        if (at >= p.size()) return false;
        ++at;
        return true;
    }
    std::size_t begin = 0, length = 0;
    return string(p, at, begin, length);
}

std::size_t key_at(Payload p, std::size_t dict, std::string_view key) {
    if (dict >= p.size() || p[dict] != 'd') return 0;
    std::size_t i = dict + 1;
    for (std::size_t count = 0; i < p.size() && p[i] != 'e' && count < kMaxItems; ++count) {
        std::size_t begin = 0, length = 0;
        if (!string(p, i, begin, length)) return 0;
        const std::size_t at = i;
        if (!value(p, i, 1)) return 0;
        if (std::string_view(reinterpret_cast<const char *>(p.data()) + begin, length) == key) return at;
    }
    return 0;
}

std::string_view string_at(Payload p, std::size_t dict, std::string_view key) {
    std::size_t at = key_at(p, dict, key), begin = 0, length = 0;
    if (at == 0 || !digit(p[at]) || !string(p, at, begin, length)) return {};
    return {reinterpret_cast<const char *>(p.data()) + begin, length};
}

}  // namespace ghostports::bencode
