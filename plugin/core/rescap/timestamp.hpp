// SPDX-License-Identifier: GPL-2.0-or-later
// The drafts' 14-digit GMT timestamps (YYYYMMDDHHMMSS).
#pragma once

#include <cstdint>
#include <optional>
#include <span>

namespace rescap {

inline constexpr std::size_t kTimestampLength = 14;

// Seconds since the Unix epoch, or nullopt when the octets are not 14
// digits forming a real calendar date and time of day.
std::optional<std::int64_t> parse_timestamp(std::span<const std::uint8_t> digits);

}  // namespace rescap
