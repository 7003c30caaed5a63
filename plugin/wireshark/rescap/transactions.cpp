#include "wireshark/rescap/transactions.hpp"

#include "wireshark/ghostports/identity.hpp"

#include <epan/proto_data.h>

namespace rescap {

ConversationState &conversation_state(packet_info *pinfo, int proto) {
    // Not find_or_create_conversation: a sub-dissector's own conversations would hide this one.
    conversation_t *conversation = ghostports::stable_conversation(pinfo);
    auto *state = static_cast<ConversationState *>(conversation_get_proto_data(conversation, proto));
    if (state == nullptr) {
        state = wmem_new0(wmem_file_scope(), ConversationState);
        conversation_add_proto_data(conversation, proto, state);
    }
    return *state;
}

const Transaction *track_transaction(packet_info *pinfo, int proto, ConversationState &state, Role role,
                                     guint32 offset) {
    // The frame's own proto data remembers its messages' transactions for
    // later passes, keyed by the message's offset.
    if (PINFO_FD_VISITED(pinfo))
        return static_cast<const Transaction *>(p_get_proto_data(wmem_file_scope(), pinfo, proto, offset));
    Transaction *transaction = nullptr;
    if (role == Role::Request) {
        transaction = wmem_new0(wmem_file_scope(), Transaction);
        transaction->request_frame = pinfo->num;
        transaction->request_time = pinfo->abs_ts;
        (state.newest_pending != nullptr ? state.newest_pending->next_pending : state.oldest_pending) = transaction;
        state.newest_pending = transaction;
    } else if (state.oldest_pending != nullptr) {
        transaction = state.oldest_pending;
        state.oldest_pending = transaction->next_pending;
        if (state.oldest_pending == nullptr) state.newest_pending = nullptr;
        transaction->response_frame = pinfo->num;
    }
    if (transaction != nullptr) p_add_proto_data(wmem_file_scope(), pinfo, proto, offset, transaction);
    return transaction;
}

}  // namespace rescap
