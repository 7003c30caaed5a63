#include "wireshark/ghostports/identity.hpp"

#include <algorithm>
#include <cstddef>
#include <cstring>

#include <epan/prefs.h>

#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/conversation.hpp"
#include "wireshark/ghostports/nmap_matcher.hpp"

namespace ghostports {
namespace {

int g_proto = -1;

// A conversation's key: transport and both endpoints as length-prefixed
// octets, in a fixed order so both directions give the same key (an IPv4
// conversation's is 21 octets).
struct EndpointKey {
    guint16 length;  // the octets follow, in the same allocation
};

guint8 *octets_of(EndpointKey *key) {
    return reinterpret_cast<guint8 *>(key) + sizeof(EndpointKey);
}
const guint8 *octets_of(const EndpointKey *key) {
    return reinterpret_cast<const guint8 *>(key) + sizeof(EndpointKey);
}

// One per stable conversation, file scope, its key at its end (56 octets for
// IPv4): the map's key points into it.
struct ConversationRecord {
    conversation_t *conversation;
    void *slots[static_cast<int>(ConversationSlot::Count)];
    EndpointKey key;
};

wmem_map_t *g_records = nullptr;  // &record->key -> record

guint key_hash(gconstpointer p) {
    const auto *key = static_cast<const EndpointKey *>(p);
    guint hash = 2166136261u;  // FNV-1a
    const guint8 *octets = octets_of(key);
    for (guint i = 0; i < key->length; ++i) hash = (hash ^ octets[i]) * 16777619u;
    return hash;
}

gboolean key_equal(gconstpointer a, gconstpointer b) {
    const auto *x = static_cast<const EndpointKey *>(a);
    const auto *y = static_cast<const EndpointKey *>(b);
    return x->length == y->length && std::memcmp(octets_of(x), octets_of(y), x->length) == 0;
}

guint8 *put(guint8 *at, const void *data, std::size_t length) {
    std::memcpy(at, data, length);
    return at + length;
}

// type, length (one octet; 255 then four octets for a longer address), octets, port.
guint8 *put_endpoint(guint8 *at, const address &a, guint32 port) {
    const auto type = static_cast<guint8>(a.type);
    const auto length = static_cast<guint32>(a.len);
    const auto short_length = static_cast<guint8>(std::min<guint32>(length, 255));
    at = put(at, &type, 1);
    at = put(at, &short_length, 1);
    if (short_length == 255) at = put(at, &length, sizeof length);
    if (length > 0) at = put(at, a.data, length);
    return put(at, &port, sizeof port);
}

// The packet's key, in pinfo->pool.
const EndpointKey *endpoint_key(packet_info *pinfo) {
    constexpr std::size_t kEndpoint = 2 + sizeof(guint32) + sizeof(guint32);
    const std::size_t most = 1 + 2 * kEndpoint + static_cast<std::size_t>(pinfo->src.len + pinfo->dst.len);
    auto *key = static_cast<EndpointKey *>(wmem_alloc(pinfo->pool, sizeof(EndpointKey) + most));
    const int order = cmp_address(&pinfo->src, &pinfo->dst);
    const bool swap = order > 0 || (order == 0 && pinfo->srcport > pinfo->destport);
    const auto transport = static_cast<guint8>(pinfo->ptype);
    guint8 *at = put(octets_of(key), &transport, 1);
    at = put_endpoint(at, swap ? pinfo->dst : pinfo->src, swap ? pinfo->destport : pinfo->srcport);
    at = put_endpoint(at, swap ? pinfo->src : pinfo->dst, swap ? pinfo->srcport : pinfo->destport);
    key->length = static_cast<guint16>(at - octets_of(key));
    return key;
}

ConversationRecord &conversation_record(packet_info *pinfo) {
    const EndpointKey *key = endpoint_key(pinfo);
    auto *record = static_cast<ConversationRecord *>(wmem_map_lookup(g_records, key));
    if (record != nullptr) return *record;
    record = static_cast<ConversationRecord *>(
        wmem_alloc0(wmem_file_scope(), offsetof(ConversationRecord, key) + sizeof(EndpointKey) + key->length));
    std::memcpy(&record->key, key, sizeof(EndpointKey) + key->length);
    record->conversation = find_or_create_conversation(pinfo);
    wmem_map_insert(g_records, &record->key, record);
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
    frame_records::register_frame_records(g_proto);
    g_records = wmem_map_new_autoreset(wmem_epan_scope(), wmem_file_scope(), key_hash, key_equal);
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
