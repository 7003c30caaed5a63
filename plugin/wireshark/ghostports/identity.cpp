#include "wireshark/ghostports/identity.hpp"

#include <cstring>

#include <epan/prefs.h>

#include "wireshark/ghostports/conversation.hpp"
#include "wireshark/ghostports/nmap_matcher.hpp"

namespace ghostports {
namespace {

int g_proto = -1;

// One per stable conversation, file scope; its key bytes follow it in the
// same allocation.
struct ConversationRecord {
    conversation_t *conversation;
    void *slots[static_cast<int>(ConversationSlot::Count)];
    const guint8 *key;
    guint32 key_length;
};

wmem_map_t *g_records = nullptr;  // ConversationRecord (by its key) -> itself

guint record_hash(gconstpointer p) {
    const auto *record = static_cast<const ConversationRecord *>(p);
    guint hash = 2166136261u;  // FNV-1a
    for (guint32 i = 0; i < record->key_length; ++i) hash = (hash ^ record->key[i]) * 16777619u;
    return hash;
}

gboolean record_equal(gconstpointer a, gconstpointer b) {
    const auto *x = static_cast<const ConversationRecord *>(a);
    const auto *y = static_cast<const ConversationRecord *>(b);
    return x->key_length == y->key_length && std::memcmp(x->key, y->key, x->key_length) == 0;
}

guint8 *put(guint8 *at, const void *data, std::size_t length) {
    std::memcpy(at, data, length);
    return at + length;
}

guint8 *put_endpoint(guint8 *at, const address &a, guint32 port) {
    const auto type = static_cast<guint8>(a.type);
    const auto length = static_cast<guint32>(a.len);
    at = put(at, &type, 1);
    at = put(at, &length, sizeof length);
    if (length > 0) at = put(at, a.data, length);
    return put(at, &port, sizeof port);
}

// The transport and both endpoints, in a fixed order so both directions
// give the same key; binary, so an IPv4 conversation's key is 27 octets.
guint32 endpoint_key(packet_info *pinfo, guint8 *out) {
    const int order = cmp_address(&pinfo->src, &pinfo->dst);
    const bool swap = order > 0 || (order == 0 && pinfo->srcport > pinfo->destport);
    const auto transport = static_cast<guint8>(pinfo->ptype);
    guint8 *at = put(out, &transport, 1);
    at = put_endpoint(at, swap ? pinfo->dst : pinfo->src, swap ? pinfo->destport : pinfo->srcport);
    at = put_endpoint(at, swap ? pinfo->src : pinfo->dst, swap ? pinfo->srcport : pinfo->destport);
    return static_cast<guint32>(at - out);
}

ConversationRecord &conversation_record(packet_info *pinfo) {
    constexpr std::size_t kEndpoint = 1 + sizeof(guint32) + sizeof(guint32);
    const std::size_t most = 1 + 2 * kEndpoint + static_cast<std::size_t>(pinfo->src.len + pinfo->dst.len);
    auto *key = static_cast<guint8 *>(wmem_alloc(pinfo->pool, most));
    ConversationRecord probe{};
    probe.key = key;
    probe.key_length = endpoint_key(pinfo, key);
    auto *record = static_cast<ConversationRecord *>(wmem_map_lookup(g_records, &probe));
    if (record != nullptr) return *record;
    void *block = wmem_alloc0(wmem_file_scope(), sizeof(ConversationRecord) + probe.key_length);
    record = static_cast<ConversationRecord *>(block);
    auto *stored_key = static_cast<guint8 *>(block) + sizeof(ConversationRecord);
    std::memcpy(stored_key, key, probe.key_length);
    record->key = stored_key;
    record->key_length = probe.key_length;
    record->conversation = find_or_create_conversation(pinfo);
    wmem_map_insert(g_records, record, record);
    return *record;
}

}  // namespace

conversation_t *stable_conversation(packet_info *pinfo) {
    return conversation_record(pinfo).conversation;
}

void *&conversation_slot(packet_info *pinfo, ConversationSlot slot) {
    return conversation_record(pinfo).slots[static_cast<int>(slot)];
}

int identity_protocol() {
    return g_proto;
}

void register_identity_protocol() {
    // A protocol of its own only to key frame data shared by rescap and
    // decap; it has no fields (they are rescap.service.* / decap.service.*).
    g_proto = proto_register_protocol("Ghost port service identification", "GHOSTID", "ghostid");
    module_t *module = prefs_register_protocol(g_proto, nullptr);
    register_nmap_preferences(module);
    g_records = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), record_hash, record_equal);
}

GhostConversation &ghost_conversation(packet_info *pinfo, bool client_is_source) {
    void *&slot = conversation_slot(pinfo, ConversationSlot::Identity);
    if (slot != nullptr) return *static_cast<GhostConversation *>(slot);
    auto *state = wmem_new0(wmem_file_scope(), GhostConversation);
    state->identity = ConversationIdentity{"", "", "", "", "", 0, 0};
    copy_address_wmem(wmem_file_scope(), &state->client_address, client_is_source ? &pinfo->src : &pinfo->dst);
    state->client_port = client_is_source ? pinfo->srcport : pinfo->destport;
    slot = state;
    return *state;
}

}  // namespace ghostports
