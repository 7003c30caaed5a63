// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/shared/frame_index.hpp"

#include <algorithm>

namespace shared {

bool FrameIndex::add(std::uint32_t frame, std::uint32_t tag, void *value) {
    if (!records_.empty() && frame < records_.back().frame) return false;
    // The frame's own records are the last ones: replace a tag stored before.
    for (auto it = records_.rbegin(); it != records_.rend() && it->frame == frame; ++it) {
        if (it->tag == tag) {
            it->value = value;
            return true;
        }
    }
    records_.push_back({frame, tag, value});
    return true;
}

void *FrameIndex::find(std::uint32_t frame, std::uint32_t tag) const {
    // The first pass asks about the frame it is storing (the last ones) or
    // one not stored yet: no search.
    if (records_.empty() || frame > records_.back().frame) return nullptr;
    if (frame == records_.back().frame) {
        for (auto it = records_.rbegin(); it != records_.rend() && it->frame == frame; ++it)
            if (it->tag == tag) return it->value;
        return nullptr;
    }
    // Later passes read in frame order: the first record of `frame` or
    // after it is a few steps on from the last answer; else a binary search.
    constexpr std::size_t kSteps = 8;
    auto it = records_.begin() + static_cast<std::ptrdiff_t>(std::min(hint_, records_.size()));
    const bool all_before = it == records_.begin() || std::prev(it)->frame < frame;
    std::size_t steps = 0;
    if (all_before)
        while (it != records_.end() && it->frame < frame && steps < kSteps) ++it, ++steps;
    if (!all_before || (it != records_.end() && it->frame < frame))
        it = std::lower_bound(records_.begin(), records_.end(), frame,
                              [](const Record &r, std::uint32_t f) { return r.frame < f; });
    hint_ = static_cast<std::size_t>(it - records_.begin());
    for (; it != records_.end() && it->frame == frame; ++it)
        if (it->tag == tag) return it->value;
    return nullptr;
}

void FrameIndex::clear() {
    std::deque<Record>().swap(records_);
    hint_ = 0;
}

}  // namespace shared
