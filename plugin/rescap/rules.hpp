// The spec's "rules a conforming message keeps", checked once over a
// parsed message.
#pragma once

#include <cstdint>
#include <span>

#include "rescap/parser.hpp"

namespace rescap {

void check_rules(ParseResult &result, std::span<const std::uint8_t> input, const ParseOptions &options);

}  // namespace rescap
