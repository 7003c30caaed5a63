// SPDX-License-Identifier: GPL-2.0-or-later
// Which octets each of an anchored PCRE pattern's first positions may hold:
// "^[A-Z][a-z]{2} " says position 0 is a capital, position 1 a small
// letter. A necessary condition, checked before a regular expression runs:
// most of nmap's lines without a literal beginning (daytime's "^\d\d:",
// "^.\0\0\0") are ruled out by the subject's first octets. The analysis
// stops at the first construct it does not model (a group, an optional or
// repeated atom, an assertion), so every set it gives is a superset of what
// the pattern accepts there.
#pragma once

#include <bitset>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

namespace ghostports {

using OctetSet = std::bitset<256>;

// The leading positions' sets, at most kMostLeadingOctets; none when the
// pattern is not anchored with `^` or has a top-level alternative.
constexpr std::size_t kMostLeadingOctets = 24;
std::vector<OctetSet> leading_octet_sets(std::string_view pattern, bool caseless);

// Whether `subject` could begin a match: every analysed position exists
// and holds an octet of its set.
bool leading_octets_allow(std::span<const OctetSet> sets, std::span<const std::uint8_t> subject);

}  // namespace ghostports
