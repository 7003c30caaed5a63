// SPDX-License-Identifier: GPL-2.0-or-later
// The evidence of a name, short enough for a table cell: where it came
// from without what was checked ("signature ftp-greeting; product: nmap-
// service-probes line 789"). The whole text stays in the service subtree.
#pragma once

#include <string>
#include <string_view>

namespace ghostports {

std::string evidence_summary(std::string_view evidence);

}  // namespace ghostports
