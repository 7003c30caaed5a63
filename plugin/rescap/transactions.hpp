// Per-conversation state: whether the conversation is rescap at all, and
// request/response matching (rescap has no transaction id: one request,
// one response, in order, per conversation).
#pragma once

#include <epan/conversation.h>
#include <epan/packet.h>

#include "common/signatures.hpp"
#include "rescap/parser.hpp"

namespace rescap {

enum class Verdict : guint8 { Unknown, Rescap, NotRescap };

struct Transaction {
    guint32 request_frame = 0;
    guint32 response_frame = 0;
    nstime_t request_time{};
};

struct ConversationState {
    Verdict verdict = Verdict::Unknown;
    ghostports::KnownProtocol identified = ghostports::KnownProtocol::None;
    guint32 first_payload_frame = 0;
    wmem_list_t *pending = nullptr;    // Transaction* waiting for a response, oldest first
    wmem_map_t *by_message = nullptr;  // message key -> Transaction*
};

// The conversation's state, created on first use in file scope.
ConversationState &conversation_state(packet_info *pinfo, int proto);

// Records the message on the first pass and returns its transaction (or
// nullptr for a response with no request before it). `offset` tells
// apart messages that share a frame.
const Transaction *track_transaction(packet_info *pinfo, ConversationState &state, Role role, guint32 offset);

}  // namespace rescap
