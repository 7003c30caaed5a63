// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/conversation.hpp"
#include <epan/prefs.h>

#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/nmap_matcher.hpp"

namespace ghostports {
namespace {

int g_proto = -1;

// The ghost ports' data of one conversation, as Wireshark's conversation
// proto data: Wireshark's conversations follow port reuse (TCP's SYN after
// FIN/RST), UDP timeouts and the frame a conversation starts in, as every
// built-in dissector's state does.
struct ConversationRecord {
    conversation_t *conversation;
    void *slots[static_cast<int>(ConversationSlot::Count)];
};

ConversationRecord &conversation_record(conversation_t *conversation) {
    auto *record = static_cast<ConversationRecord *>(conversation_get_proto_data(conversation, g_proto));
    if (record != nullptr) return *record;
    record = wmem_new0(wmem_file_scope(), ConversationRecord);
    record->conversation = conversation;
    conversation_add_proto_data(conversation, g_proto, record);
    return *record;
}

}  // namespace

conversation_t *stable_conversation(packet_info *pinfo) {
    // A sub-dissector may create a conversation with the same endpoints
    // later in the frame (SNMP does): a later pass would then find that one
    // for this frame. The frame keeps the one its first pass used.
    const guint32 layer = pinfo->curr_layer_num;
    if (void *known = frame_records::find(pinfo, frame_records::Kind::Conversation, layer))
        return static_cast<conversation_t *>(known);
    conversation_t *conversation = find_or_create_conversation(pinfo);
    if (!PINFO_FD_VISITED(pinfo)) frame_records::add(pinfo, frame_records::Kind::Conversation, layer, conversation);
    return conversation;
}

void *&conversation_slot(conversation_t *conversation, ConversationSlot slot) {
    return conversation_record(conversation).slots[static_cast<int>(slot)];
}

void *&conversation_slot(packet_info *pinfo, ConversationSlot slot) {
    return conversation_slot(stable_conversation(pinfo), slot);
}

int identity_protocol() {
    return g_proto;
}

void register_ghostid_protocol() {
    // A protocol of its own only to key frame data shared by rescap and
    // decap; it has no fields (they are rescap.service.* / decap.service.*).
    g_proto = proto_register_protocol("Ghost port service identification", "GHOSTID", "ghostid");
    module_t *module = prefs_register_protocol(g_proto, check_nmap_preferences);
    register_nmap_preferences(module);
    frame_records::register_frame_records(g_proto);
}

GhostConversation *find_ghost_conversation(conversation_t *conversation) {
    const auto *record = static_cast<const ConversationRecord *>(conversation_get_proto_data(conversation, g_proto));
    return record != nullptr ? static_cast<GhostConversation *>(record->slots[static_cast<int>(ConversationSlot::Identity)])
                             : nullptr;
}

GhostConversation &ghost_conversation(conversation_t *conversation, packet_info *pinfo, bool client_is_source) {
    void *&slot = conversation_slot(conversation, ConversationSlot::Identity);
    if (slot != nullptr) return *static_cast<GhostConversation *>(slot);
    auto *state = wmem_new0(wmem_file_scope(), GhostConversation);
    state->identity = ConversationIdentity{"", "", "", "", "", 0, 0};
    copy_address_wmem(wmem_file_scope(), &state->client_address, client_is_source ? &pinfo->src : &pinfo->dst);
    state->client_port = client_is_source ? pinfo->srcport : pinfo->destport;
    slot = state;
    return *state;
}

}  // namespace ghostports
