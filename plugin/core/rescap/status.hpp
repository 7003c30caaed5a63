// SPDX-License-Identifier: GPL-2.0-or-later
// rescap status codes (main << 8 | secondary) and their meanings.
#pragma once

#include <cstdint>
#include <span>

namespace rescap {

struct StatusSpec {
    std::uint16_t code;
    const char *meaning;
};

struct StatusClassSpec {
    std::uint8_t main;
    const char *meaning;
};

std::span<const StatusSpec> status_registry();
std::span<const StatusClassSpec> status_class_registry();

// nullptr when the code / class is not in the spec's table.
const char *status_meaning(std::uint16_t code);
const char *status_class_meaning(std::uint8_t main);

}  // namespace rescap
