// SPDX-License-Identifier: GPL-2.0-or-later
// rescap URLs carry a whole request: rescap://host[:port]?<base64>,
// rescap-secure://…, and the earlier drafts' rescap:host/<base64>.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace rescap {

struct RescapUrl {
    std::string_view scheme;   // "rescap", "rescap-secure"
    std::string_view host;     // may include ":port"
    std::string_view encoded;  // the base64 text
};

// The parts of a rescap URL, or nullopt when the text is not one. A URL
// with no request part (e.g. a Referral "rescap://host") has `encoded` empty.
std::optional<RescapUrl> split_rescap_url(std::string_view text);

// Standard or URL-safe base64, padding optional; nullopt on any other octet.
std::optional<std::vector<std::uint8_t>> decode_base64(std::string_view text);

}  // namespace rescap
