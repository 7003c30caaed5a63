#include "wireshark/ghostports/identity.hpp"

#include <epan/to_str.h>
#include <epan/prefs.h>

#include "wireshark/ghostports/conversation.hpp"
#include "wireshark/ghostports/nmap_matcher.hpp"

namespace ghostports {
namespace {

int g_proto = -1;
wmem_map_t *g_conversations = nullptr;  // "transport addr:port addr:port" -> conversation_t*

// The endpoints in a fixed order, so both directions give the same key.
const char *endpoint_key(packet_info *pinfo) {
    char *a = address_to_str(pinfo->pool, &pinfo->src);
    char *b = address_to_str(pinfo->pool, &pinfo->dst);
    const int order = cmp_address(&pinfo->src, &pinfo->dst);
    const bool swap = order > 0 || (order == 0 && pinfo->srcport > pinfo->destport);
    return wmem_strdup_printf(pinfo->pool, "%d %s:%u %s:%u", static_cast<int>(pinfo->ptype), swap ? b : a,
                              swap ? pinfo->destport : pinfo->srcport, swap ? a : b,
                              swap ? pinfo->srcport : pinfo->destport);
}

}  // namespace

conversation_t *stable_conversation(packet_info *pinfo) {
    const char *key = endpoint_key(pinfo);
    auto *conversation = static_cast<conversation_t *>(wmem_map_lookup(g_conversations, key));
    if (conversation == nullptr) {
        conversation = find_or_create_conversation(pinfo);
        wmem_map_insert(g_conversations, wmem_strdup(wmem_file_scope(), key), conversation);
    }
    return conversation;
}

int identity_protocol() {
    return g_proto;
}

void register_identity_protocol() {
    // A protocol of its own only to key conversation and frame data shared by
    // rescap and decap; it has no fields (they are rescap.service.* / decap.service.*).
    g_proto = proto_register_protocol("Ghost port service identification", "GHOSTID", "ghostid");
    module_t *module = prefs_register_protocol(g_proto, nullptr);
    register_nmap_preferences(module);
    g_conversations = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), g_str_hash, g_str_equal);
}

GhostConversation &ghost_conversation(packet_info *pinfo, bool client_is_source) {
    conversation_t *conversation = stable_conversation(pinfo);
    auto *state = static_cast<GhostConversation *>(conversation_get_proto_data(conversation, g_proto));
    if (state != nullptr) return *state;
    state = wmem_new0(wmem_file_scope(), GhostConversation);
    state->identity = ConversationIdentity{"", "", "", "", "", 0, 0};
    copy_address_wmem(wmem_file_scope(), &state->client_address, client_is_source ? &pinfo->src : &pinfo->dst);
    state->client_port = client_is_source ? pinfo->srcport : pinfo->destport;
    conversation_add_proto_data(conversation, g_proto, state);
    return *state;
}

const ConversationIdentity *conversation_identity(const conversation_t *conversation) {
    if (conversation == nullptr || g_proto < 0) return nullptr;
    const auto *state = static_cast<const GhostConversation *>(conversation_get_proto_data(conversation, g_proto));
    return state != nullptr ? &state->identity : nullptr;
}

const ConversationIdentity *packet_identity(packet_info *pinfo) {
    return conversation_identity(stable_conversation(pinfo));
}

}  // namespace ghostports
