// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/transactions.hpp"

#include <algorithm>

#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/conversation.hpp"

#include <epan/proto_data.h>

namespace rescap {
namespace {

// Key of the per-dissection message counter in pinfo->pool proto data.
constexpr guint32 kOrdinalCounter = 0;

// The message's number within its frame. The counter lives in pinfo->pool,
// so each dissection of the frame (first pass, second pass, a GUI click)
// counts again from 0 in the same order.
guint32 next_ordinal(packet_info *pinfo, int proto) {
    auto *counter = static_cast<guint32 *>(p_get_proto_data(pinfo->pool, pinfo, proto, kOrdinalCounter));
    if (counter == nullptr) {
        counter = wmem_new0(pinfo->pool, guint32);
        p_add_proto_data(pinfo->pool, pinfo, proto, kOrdinalCounter, counter);
    }
    return (*counter)++;
}

// FNV-1a: a message's identity for retransmission detection. A collision
// could only make a different message look like a retransmission.
guint32 fingerprint(std::span<const std::uint8_t> octets) {
    guint32 hash = 2166136261u;
    for (const std::uint8_t octet : octets) hash = (hash ^ octet) * 16777619u;
    return hash;
}

void enqueue(ConversationState &state, Transaction *transaction) {
    (state.newest_pending != nullptr ? state.newest_pending->next_pending : state.oldest_pending) = transaction;
    state.newest_pending = transaction;
}

Transaction *dequeue(ConversationState &state) {
    Transaction *transaction = state.oldest_pending;
    if (transaction == nullptr) return nullptr;
    state.oldest_pending = transaction->next_pending;
    if (state.oldest_pending == nullptr) state.newest_pending = nullptr;
    transaction->next_pending = nullptr;
    return transaction;
}

// The fingerprint tree, made on first need and seeded with the waiting
// requests (one that came while none waited is not in a tree made later).
wmem_tree_t *requests_tree(ConversationState &state) {
    if (state.requests == nullptr) {
        state.requests = wmem_tree_new(wmem_file_scope());
        for (Transaction *t = state.oldest_pending; t != nullptr; t = t->next_pending)
            wmem_tree_insert32(state.requests, t->request_fingerprint, t);
    }
    return state.requests;
}

// First pass, a request: a new transaction, or (datagrams) a retransmission
// of a request with the same octets that is still unanswered.
MessageLink track_request(packet_info *pinfo, ConversationState &state, MessagePlace here, bool datagram,
                          std::span<const std::uint8_t> octets) {
    const guint32 id = datagram ? fingerprint(octets) : 0;
    if (datagram && state.oldest_pending != nullptr) {
        auto *earlier = static_cast<Transaction *>(wmem_tree_lookup32(requests_tree(state), id));
        if (earlier != nullptr && earlier->response_frame == 0) {
            ++earlier->request_copies;
            return {earlier, true};
        }
    }
    auto *transaction = wmem_new0(wmem_file_scope(), Transaction);
    transaction->request_frame = here.frame;
    transaction->request_ordinal = here.ordinal;
    transaction->request_time = pinfo->abs_ts;
    transaction->request_fingerprint = id;
    transaction->request_copies = 1;
    enqueue(state, transaction);
    if (state.requests != nullptr) wmem_tree_insert32(state.requests, id, transaction);
    return {transaction, false};
}

// First pass, a response: it answers the oldest unanswered request, unless
// (datagrams) it repeats the last answer's octets while nothing waits for
// it, or while that answer's request was sent more often than answered
// (the server answering each copy): then it is a duplicated response.
MessageLink track_response(ConversationState &state, MessagePlace here, bool datagram,
                           std::span<const std::uint8_t> octets) {
    const guint32 id = datagram ? fingerprint(octets) : 0;
    Transaction *last = state.last_answered;
    if (datagram && last != nullptr && last->response_fingerprint == id &&
        (state.oldest_pending == nullptr || last->request_copies > last->responses)) {
        ++last->responses;
        return {last, true};
    }
    Transaction *transaction = dequeue(state);
    if (transaction == nullptr) return {nullptr, false};
    transaction->response_frame = here.frame;
    transaction->response_ordinal = here.ordinal;
    transaction->response_fingerprint = id;
    transaction->responses = 1;
    state.last_answered = transaction;
    return {transaction, false};
}

}  // namespace

ConversationState &conversation_state(packet_info *pinfo) {
    // The stable conversation's: a sub-dissector's own conversations would hide another.
    void *&slot = ghostports::conversation_slot(pinfo, ghostports::ConversationSlot::RescapMatching);
    if (slot == nullptr) slot = wmem_new0(wmem_file_scope(), ConversationState);
    return *static_cast<ConversationState *>(slot);
}

MessageLink track_message(packet_info *pinfo, int proto, ConversationState &state, Role role, bool datagram,
                          std::span<const std::uint8_t> octets) {
    // Saturates: messages past the 65,535th of one frame (only a hostile
    // megabyte of 4-octet messages has them) share the last key.
    const MessagePlace here{pinfo->num,
                            static_cast<guint16>(std::min<guint32>(next_ordinal(pinfo, proto), G_MAXUINT16))};
    // Later passes: the frame's own proto data, keyed by the message's
    // ordinal, holds its transaction; whether it is the original follows.
    if (PINFO_FD_VISITED(pinfo)) {
        auto *transaction =
            static_cast<Transaction *>(frame_records::find(pinfo, frame_records::Kind::TransactionLink, here.ordinal));
        if (transaction == nullptr) return {nullptr, false};
        const MessagePlace original = role == Role::Request ? transaction->request() : transaction->response();
        return {transaction, !(original == here)};
    }
    const MessageLink link = role == Role::Request ? track_request(pinfo, state, here, datagram, octets)
                                                   : track_response(state, here, datagram, octets);
    if (link.transaction != nullptr)
        frame_records::add(pinfo, frame_records::Kind::TransactionLink, here.ordinal, link.transaction);
    return link;
}

}  // namespace rescap
