// Where a rescap message ends in a TCP byte stream, found by walking item
// headers only: no content is copied or checked, so asking "is it all
// here yet?" once per arriving segment stays cheap for multi-megabyte
// messages (the full parse runs once, when the message is complete).
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>

namespace rescap {

struct StreamProbe {
    enum class State : std::uint8_t {
        Complete,    // the message proper ends at `length`
        Incomplete,  // more octets are needed: at least `length` in all
        Undecided    // the walk cannot tell (not rescap, or a shape only the full parse judges)
    };
    State state = State::Undecided;
    std::size_t length = 0;
    bool exact = false;  // Incomplete: `length` is the whole message (a nested-form root's own length)
};

StreamProbe probe_stream(std::span<const std::uint8_t> input);

}  // namespace rescap
