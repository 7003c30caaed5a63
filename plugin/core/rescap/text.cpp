// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/text.hpp"

namespace rescap {

bool is_valid_utf8(std::span<const std::uint8_t> text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const std::uint8_t lead = text[i];
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t extra = 0;
        std::uint8_t low = 0x80, high = 0xBF;  // allowed range of the first continuation octet
        if (lead >= 0xC2 && lead <= 0xDF) {
            extra = 1;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            extra = 2;
            if (lead == 0xE0) low = 0xA0;   // no overlongs
            if (lead == 0xED) high = 0x9F;  // no surrogates
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            extra = 3;
            if (lead == 0xF0) low = 0x90;
            if (lead == 0xF4) high = 0x8F;  // nothing above U+10FFFF
        } else {
            return false;
        }
        if (text.size() - i <= extra) return false;
        if (text[i + 1] < low || text[i + 1] > high) return false;
        for (std::size_t k = 2; k <= extra; ++k)
            if ((text[i + k] & 0xC0) != 0x80) return false;
        i += extra + 1;
    }
    return true;
}

bool is_printable_text(std::span<const std::uint8_t> text) {
    if (text.empty() || !is_valid_utf8(text)) return false;
    for (const std::uint8_t octet : text) {
        const bool control = octet < 0x20 || octet == 0x7F;
        if (control && octet != '\t' && octet != '\r' && octet != '\n') return false;
    }
    return true;
}

}  // namespace rescap
