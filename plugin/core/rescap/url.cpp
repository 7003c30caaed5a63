// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/url.hpp"

#include <array>

namespace rescap {
namespace {

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i) {
        char c = text[i];
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
        if (c != prefix[i]) return false;
    }
    return true;
}

constexpr std::array<std::int8_t, 256> make_alphabet() {
    std::array<std::int8_t, 256> table{};
    for (auto &v : table) v = -1;
    for (int i = 0; i < 26; ++i) {
        table['A' + i] = static_cast<std::int8_t>(i);
        table['a' + i] = static_cast<std::int8_t>(26 + i);
    }
    for (int i = 0; i < 10; ++i) table['0' + i] = static_cast<std::int8_t>(52 + i);
    table['+'] = table['-'] = 62;  // standard and URL-safe spellings
    table['/'] = table['_'] = 63;
    return table;
}
constexpr auto kAlphabet = make_alphabet();

}  // namespace

std::optional<RescapUrl> split_rescap_url(std::string_view text) {
    // Longest scheme first: "rescap-secure:" also starts with "rescap".
    for (std::string_view scheme : {"rescap-secure", "rescap-basic", "rescap"}) {
        if (!starts_with_ci(text, scheme) || text.size() <= scheme.size() || text[scheme.size()] != ':') continue;
        std::string_view rest = text.substr(scheme.size() + 1);
        if (rest.substr(0, 2) == "//") {
            rest.remove_prefix(2);
            const auto query = rest.find('?');
            if (query == std::string_view::npos) return RescapUrl{text.substr(0, scheme.size()), rest, {}};
            return RescapUrl{text.substr(0, scheme.size()), rest.substr(0, query), rest.substr(query + 1)};
        }
        // 1999 form: rescap:host/<base64>
        const auto slash = rest.find('/');
        if (slash == std::string_view::npos) return RescapUrl{text.substr(0, scheme.size()), rest, {}};
        return RescapUrl{text.substr(0, scheme.size()), rest.substr(0, slash), rest.substr(slash + 1)};
    }
    return std::nullopt;
}

std::optional<std::vector<std::uint8_t>> decode_base64(std::string_view text) {
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    if (text.size() % 4 == 1) return std::nullopt;
    std::vector<std::uint8_t> out;
    out.reserve(text.size() * 3 / 4);
    std::uint32_t bits = 0;
    int count = 0;
    for (char c : text) {
        const std::int8_t value = kAlphabet[static_cast<unsigned char>(c)];
        if (value < 0) return std::nullopt;
        bits = bits << 6 | static_cast<std::uint32_t>(value);
        if (++count == 4) {
            out.push_back(static_cast<std::uint8_t>(bits >> 16));
            out.push_back(static_cast<std::uint8_t>(bits >> 8));
            out.push_back(static_cast<std::uint8_t>(bits));
            bits = 0;
            count = 0;
        }
    }
    if (count == 2) out.push_back(static_cast<std::uint8_t>(bits >> 4));
    if (count == 3) {
        out.push_back(static_cast<std::uint8_t>(bits >> 10));
        out.push_back(static_cast<std::uint8_t>(bits >> 2));
    }
    return out;
}

}  // namespace rescap
