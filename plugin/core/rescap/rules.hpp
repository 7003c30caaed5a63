// SPDX-License-Identifier: GPL-2.0-or-later
// The spec's "rules a conforming message keeps", checked once over a
// parsed message.
#pragma once

#include "core/rescap/parser.hpp"

namespace rescap {

void check_rules(ParseResult &result, const ParseOptions &options);

}  // namespace rescap
