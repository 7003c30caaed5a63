// SPDX-License-Identifier: GPL-2.0-or-later
// Per-conversation state: whether the conversation is rescap at all, and
// request/response matching. rescap has no transaction id: responses answer
// requests in order; over UDP a request is identified by its octets, so that
// retransmitted requests and duplicated responses are recognised and do not
// shift the matching (doc/decisions.md decision 13).
#pragma once

#include <cstdint>
#include <span>

#include <epan/conversation.h>
#include <epan/packet.h>
#include <wsutil/wmem/wmem_tree.h>

#include "core/rescap/parser.hpp"

namespace rescap {

enum class Verdict : guint8 { Unknown, Rescap, NotRescap };

// Where a message sits: its frame and its number among the frame's rescap
// messages (counted the same way in every pass, whatever the tvb offsets).
struct MessagePlace {
    guint32 frame;
    guint16 ordinal;
    bool operator==(const MessagePlace &) const = default;
};

// One per request for the whole file, so flat (no padding): 48 octets.
struct Transaction {
    guint32 request_frame;
    guint32 response_frame;  // 0: not answered
    guint16 request_ordinal;
    guint16 response_ordinal;
    guint16 request_copies;  // datagrams: transmissions of the request seen
    guint16 responses;       // datagrams: responses seen, duplicates included
    guint32 request_fingerprint;
    guint32 response_fingerprint;
    nstime_t request_time;      // of the original request
    Transaction *next_pending;  // the conversation's queue of unanswered requests

    MessagePlace request() const { return {request_frame, request_ordinal}; }
    MessagePlace response() const { return {response_frame, response_ordinal}; }
};
static_assert(sizeof(Transaction) <= 48);

// Kept small: one per conversation for the whole capture file.
struct ConversationState {
    Verdict verdict;
    guint32 first_payload_frame;
    Transaction *oldest_pending;
    Transaction *newest_pending;
    Transaction *last_answered;
    // Datagrams only, made when a request arrives while another waits (a
    // retransmission or pipelining; stop-and-wait exchanges never need it):
    // request fingerprint -> the newest transaction with that request.
    wmem_tree_t *requests;
};

// The conversation's state, created on first use in file scope.
ConversationState &conversation_state(packet_info *pinfo);

// One message's link to its transaction, as the tree shows it.
struct MessageLink {
    Transaction *transaction;  // nullptr: nothing to link (a response with no request)
    bool retransmission;       // a retransmitted request or a duplicated response
};

// Records the message on the first pass (later passes read what was
// recorded) and returns its link. Call once per rescap message shown, in
// the order of the frame. `datagram`: a UDP conversation, where requests and
// responses may be retransmitted or duplicated; over TCP they are not.
MessageLink track_message(packet_info *pinfo, int proto, ConversationState &state, Role role, bool datagram,
                          std::span<const std::uint8_t> octets);

}  // namespace rescap
