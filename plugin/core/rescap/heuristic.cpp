// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/heuristic.hpp"

#include <algorithm>

#include "core/rescap/registry.hpp"

namespace rescap {
namespace {

// Findings that only say "the rest has not arrived yet" in stream mode.
bool waiting_for_data(DiagKind kind) {
    return kind == DiagKind::Truncated || kind == DiagKind::CountShort || kind == DiagKind::FragmentUnterminated;
}

bool first_child_is_plausible(const ParseResult &r) {
    const std::uint32_t first = r.items[0].first_child;
    if (first == kNoItem) return false;
    const Item &child = r.items[first];
    const ItemType own = r.role == Role::Request ? ItemType::Request : ItemType::Response;
    const bool registered = child.spec != &unknown_item() && child.tag < kPrivateRequestFirst;
    return registered && child.complete && child.spec->type == own && child.tag != kTagFullRequest &&
           child.tag != kTagFullResponse;
}

}  // namespace

bool looks_like_rescap(const ParseResult &r, std::size_t payload_size) {
    if (!r.is_rescap || r.items.empty() || r.form == Form::None) return false;
    if (!first_child_is_plausible(r)) return false;
    if (r.incomplete)
        return std::all_of(r.diagnostics.begin(), r.diagnostics.end(), [](const Diagnostic &d) {
            return waiting_for_data(d.kind) || diagnostic_spec(d.kind).severity != Severity::Error;
        });
    if (r.consumed != payload_size || r.has(DiagKind::BeyondCount) || r.has_errors()) return false;
    const DiagKind missing = r.role == Role::Request ? DiagKind::BaseUriMissing : DiagKind::StatusMissing;
    return !r.has(missing);
}

bool plausible_message_start(std::span<const std::uint8_t> input) {
    if (input.size() < 2 * kHeaderLength + 2 || !starts_like_rescap(input)) return false;
    const auto u16 = [&](std::size_t at) { return static_cast<std::uint16_t>(input[at] << 8 | input[at + 1]); };
    const std::uint16_t word = u16(2);
    const std::size_t length = word & ~kContinuationBit;
    std::size_t child = 0;
    if ((word & kContinuationBit) == 0 && length == 2 && u16(kHeaderLength) > 0)
        child = kHeaderLength + 2;
    else if (length >= kHeaderLength)
        child = kHeaderLength;
    else
        return false;
    const std::uint16_t tag = u16(child);
    const ItemSpec *spec = find_item(tag);
    const ItemType own = u16(0) == kTagFullRequest ? ItemType::Request : ItemType::Response;
    return spec != nullptr && tag < kPrivateRequestFirst && spec->type == own && tag != kTagFullRequest &&
           tag != kTagFullResponse;
}

}  // namespace rescap
