// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/evidence_summary.hpp"

namespace ghostports {
namespace {

// "signature ftp-greeting: whole 220 reply ..." -> "signature ftp-greeting";
// "nmap-service-probes line 789 (match ftp, probe NULL)" -> "nmap-service-probes line 789".
std::string_view source_of(std::string_view part) {
    part = part.substr(0, part.find(':'));
    return part.substr(0, part.find(" ("));
}

}  // namespace

std::string evidence_summary(std::string_view evidence) {
    // The parts the hand-off joins with "; " (handoff.cpp: name, product, withdrawal).
    constexpr std::string_view kProduct = "product from ", kWithdrawn = "withdrawn";
    std::string out;
    std::size_t at = 0;
    while (at <= evidence.size()) {
        const std::size_t end = std::min(evidence.find("; ", at), evidence.size());
        std::string_view part = evidence.substr(at, end - at);
        if (!out.empty()) out += "; ";
        if (part.starts_with(kProduct)) {
            out += "product: ";
            part.remove_prefix(kProduct.size());
        }
        out += part.starts_with(kWithdrawn) ? kWithdrawn : source_of(part);
        at = end + 2;
    }
    return out;
}

}  // namespace ghostports
