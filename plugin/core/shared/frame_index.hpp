// SPDX-License-Identifier: GPL-2.0-or-later
// Records kept per frame for a whole capture file (which transaction a
// message belongs to, a TCP segment's plan, a payload's hand-off choice),
// written on the first pass in frame order and read back on later passes.
// 16 octets per record: Wireshark's p_add_proto_data costs about 40 (its
// record, the allocator's header and a list node), which is most of the
// per-frame memory of the ghost ports on a capture of short exchanges.
// Pure C++: the glue (wireshark/frame_records.*) keeps the values' memory.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>

namespace shared {

class FrameIndex {
public:
    // Stores `value` for (frame, tag), replacing one stored before. Returns
    // false, storing nothing, when `frame` comes before the last frame
    // stored: the caller keeps such a record elsewhere.
    bool add(std::uint32_t frame, std::uint32_t tag, void *value);

    // The value for (frame, tag); nullptr when none was stored.
    void *find(std::uint32_t frame, std::uint32_t tag) const;

    void clear();
    std::size_t size() const { return records_.size(); }

private:
    struct Record {
        std::uint32_t frame;
        std::uint32_t tag;
        void *value;
    };
    static_assert(sizeof(void *) > 4 ? sizeof(Record) == 16 : true);

    // A deque, not a vector: growing it never copies (nor holds twice) what
    // is stored, so the peak stays at the size.
    std::deque<Record> records_;
    mutable std::size_t hint_ = 0;  // where the last search began: the next is usually just after
};

}  // namespace shared
