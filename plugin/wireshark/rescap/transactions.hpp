// Per-conversation state: whether the conversation is rescap at all, and
// request/response matching (rescap has no transaction id: one request,
// one response, in order, per conversation).
#pragma once

#include <epan/conversation.h>
#include <epan/packet.h>

#include "core/rescap/parser.hpp"

namespace rescap {

enum class Verdict : guint8 { Unknown, Rescap, NotRescap };

struct Transaction {
    guint32 request_frame;
    guint32 response_frame;
    nstime_t request_time;
    Transaction *next_pending;  // the conversation's queue of unanswered requests
};

// Kept small: one per conversation for the whole capture file.
struct ConversationState {
    Verdict verdict;
    guint32 first_payload_frame;
    Transaction *oldest_pending;
    Transaction *newest_pending;
};

// The conversation's state, created on first use in file scope.
ConversationState &conversation_state(packet_info *pinfo, int proto);

// Records the message on the first pass and returns its transaction (or
// nullptr for a response with no request before it). `offset` tells
// apart messages that share a frame.
const Transaction *track_transaction(packet_info *pinfo, int proto, ConversationState &state, Role role,
                                     guint32 offset);

}  // namespace rescap
