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
    auto it = std::lower_bound(records_.begin(), records_.end(), frame,
                               [](const Record &r, std::uint32_t f) { return r.frame < f; });
    for (; it != records_.end() && it->frame == frame; ++it)
        if (it->tag == tag) return it->value;
    return nullptr;
}

void FrameIndex::clear() {
    std::deque<Record>().swap(records_);
}

}  // namespace shared
