#include "rescap/transactions.hpp"

namespace rescap {
namespace {

guint64 message_key(packet_info *pinfo, guint32 offset) {
    return static_cast<guint64>(pinfo->num) << 32 | offset;
}

void remember(ConversationState &state, guint64 key, Transaction *transaction) {
    auto *stored = wmem_new(wmem_file_scope(), guint64);
    *stored = key;
    wmem_map_insert(state.by_message, stored, transaction);
}

}  // namespace

ConversationState &conversation_state(packet_info *pinfo, int proto) {
    conversation_t *conversation = find_or_create_conversation(pinfo);
    auto *state = static_cast<ConversationState *>(conversation_get_proto_data(conversation, proto));
    if (state == nullptr) {
        state = wmem_new0(wmem_file_scope(), ConversationState);
        state->pending = wmem_list_new(wmem_file_scope());
        state->by_message = wmem_map_new(wmem_file_scope(), g_int64_hash, g_int64_equal);
        conversation_add_proto_data(conversation, proto, state);
    }
    return *state;
}

const Transaction *track_transaction(packet_info *pinfo, ConversationState &state, Role role, guint32 offset) {
    guint64 key = message_key(pinfo, offset);
    if (PINFO_FD_VISITED(pinfo)) return static_cast<const Transaction *>(wmem_map_lookup(state.by_message, &key));
    if (role == Role::Request) {
        auto *transaction = wmem_new0(wmem_file_scope(), Transaction);
        transaction->request_frame = pinfo->num;
        transaction->request_time = pinfo->abs_ts;
        wmem_list_append(state.pending, transaction);
        remember(state, key, transaction);
        return transaction;
    }
    wmem_list_frame_t *oldest = wmem_list_head(state.pending);
    if (oldest == nullptr) return nullptr;
    auto *transaction = static_cast<Transaction *>(wmem_list_frame_data(oldest));
    wmem_list_remove_frame(state.pending, oldest);
    transaction->response_frame = pinfo->num;
    remember(state, key, transaction);
    return transaction;
}

}  // namespace rescap
