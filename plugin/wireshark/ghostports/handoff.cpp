// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/handoff.hpp"

#include <algorithm>
#include <cstring>
#include <span>

#include <epan/conversation.h>
#include <epan/exceptions.h>
#include <epan/prefs.h>

#include <epan/dissectors/packet-tcp.h>

#include "wireshark/compat.hpp"
#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/conversation.hpp"
#include "core/ghostports/announcements.hpp"
#include "core/ghostports/naming_heuristics.hpp"
#include "core/ghostports/refutations.hpp"
#include "wireshark/ghostports/nmap_matcher.hpp"
#include "wireshark/ghostports/port_preferences.hpp"
#include "wireshark/ghostports/withheld_frames.hpp"

namespace ghostports {
namespace {

enum class Decoder : guint8 { Undecided, TakenOver, Named, Heuristic, Data };

// How one payload was decoded on the first pass (file scope, one per
// handed-off payload, so 24 octets: the identity is a shared snapshot).
struct FrameChoice {
    union {
        dissector_handle_t handle;     // TakenOver, Named
        heur_dtbl_entry_t *heuristic;  // Heuristic
    };
    const ConversationIdentity *identity;   // as known at this frame on the first pass
    const GhostConversation *conversation;  // its latest identity is what later passes show
    guint32 fresh_from;                     // first octet of the payload this direction had not seen (first pass)
    Decoder decoder;
    bool named_here : 1;
    bool first_payload : 1;
    bool from_server : 1;
    guint8 layer : 2;  // ghost_layer_index() of the port protocol that handed it off
};
static_assert(sizeof(FrameChoice) <= 32);

// The conversation's identity as a file-scope snapshot that frames share:
// a new one only when the identity changed (named, product found).
const ConversationIdentity *identity_snapshot(GhostConversation &gc) {
    if (gc.published == nullptr || !(*gc.published == gc.identity))
        gc.published = static_cast<const ConversationIdentity *>(
            wmem_memdup(wmem_file_scope(), &gc.identity, sizeof(ConversationIdentity)));
    return gc.published;
}

// What a frame shows of its conversation: on the first pass what was known
// then; on later passes (two passes, the GUI) what the whole first pass
// learnt, so that every frame of an identified conversation says so.
const ConversationIdentity &shown_identity(const FrameChoice &choice, packet_info *pinfo) {
    if (PINFO_FD_VISITED(pinfo) && choice.conversation != nullptr && choice.conversation->published != nullptr)
        return *choice.conversation->published;
    return *choice.identity;
}

// The plan a frame's recorded choice gives (every pass, see shown_identity).
HandOffPlan plan_of(FrameChoice &choice, packet_info *pinfo, conversation_t *conversation) {
    return HandOffPlan{shown_identity(choice, pinfo),
                       choice.named_here,
                       choice.first_payload,
                       choice.from_server,
                       choice.fresh_from,
                       &choice,
                       conversation};
}

bool g_handing_off = false;

std::span<const std::uint8_t> payload_of(tvbuff_t *tvb) {
    const guint length = tvb_captured_length(tvb);
    if (length == 0) return {};
    return {tvb_get_ptr(tvb, 0, static_cast<gint>(length)), length};
}

bool is_ghost_port(const char *module, bool tcp, guint32 port) {
    return in_port_preference(module, tcp, port);
}

// The side on the ghost port is the server; if both or neither are, the
// sender of the conversation's first payload is the client.
bool client_is_source(packet_info *pinfo, const HandOffRequest &request) {
    return is_ghost_port(request.port_module, request.tcp, pinfo->destport) ||
           !is_ghost_port(request.port_module, request.tcp, pinfo->srcport);
}

// The dissector for a signature row: its handle by name, else the one the
// transport's port table offers for that protocol (Decode As: USB/IP
// registers its handle there without a name), else the one Wireshark uses
// on the protocol's own port.
dissector_handle_t handle_for(const Signature *row, bool tcp) {
    if (row == nullptr) return nullptr;
    dissector_table_t table = find_dissector_table(tcp ? "tcp.port" : "udp.port");
    if (row->dissector != nullptr) {
        if (dissector_handle_t handle = find_dissector(row->dissector)) return handle;
        for (GSList *h = table != nullptr ? dissector_table_get_dissector_handles(table) : nullptr; h != nullptr;
             h = h->next) {
            auto candidate = static_cast<dissector_handle_t>(h->data);
            const int protocol = dissector_handle_get_protocol_index(candidate);
            if (protocol >= 0 && g_strcmp0(proto_get_protocol_filter_name(protocol), row->dissector) == 0)
                return candidate;
        }
    }
    return table != nullptr && row->port != 0 ? dissector_get_uint_handle(table, row->port) : nullptr;
}

const char *filter_name_of(dissector_handle_t handle) {
    if (handle == nullptr) return "";
    const int proto = dissector_handle_get_protocol_index(handle);
    return proto >= 0 ? proto_get_protocol_filter_name(proto) : "";
}

const char *file_copy(const std::string &text) {
    return wmem_strdup(wmem_file_scope(), text.c_str());
}

// Every way of naming a conversation (a signature row, an nmap line, a
// strict heuristic) ends here; `dissector` is the filter name of the
// protocol that decodes it ("" when no dissector is known).
void give_name(GhostConversation &gc, packet_info *pinfo, const char *protocol, dissector_handle_t handle,
               const char *dissector, const char *evidence) {
    gc.named_handle = handle;
    gc.identity.protocol = protocol;
    gc.identity.dissector = dissector;
    gc.identity.evidence = evidence;
    gc.identity.named_in = pinfo->num;
}

void name_from_signature(GhostConversation &gc, const Signature *row, packet_info *pinfo, bool tcp) {
    dissector_handle_t handle = handle_for(row, tcp);
    give_name(gc, pinfo, row->protocol, handle, filter_name_of(handle),
              wmem_strdup_printf(wmem_file_scope(), "signature %s: %s", row->id, row->pattern));
}

// A name withdrawn for the conversation (retract_name) is not given again.
bool refuted(const GhostConversation &gc, const char *protocol) {
    return gc.refuted != nullptr && std::strcmp(gc.refuted, protocol) == 0;
}

// The longest reassembly handed to a sub-dissector that may still ask TCP
// for more (see run_hand_off).
constexpr guint kHandedReassemblyLimit = 256 * 1024;

// Payloads per direction that identification looks at, and that are
// offered to Wireshark's heuristic dissectors, at most: the cost per
// conversation is a constant, whatever its length (a heuristic that claimed
// none of a direction's first six payloads is not asked again for each of
// its next thousand segments; they are data).
constexpr guint8 kAttempts = 6;

// A copy of wire text fit for a field or a label: escaped, file scope.
const char *wire_text(const std::string &text) {
    return ws_compat::format_text(wmem_file_scope(), reinterpret_cast<const std::uint8_t *>(text.data()), text.size());
}

void set_product(GhostConversation &gc, packet_info *pinfo, const std::string &product, const std::string &version,
                 const char *evidence) {
    gc.identity.product = wire_text(product);
    gc.identity.version = wire_text(version);
    gc.identity.product_in = pinfo->num;
    gc.identity.evidence = wmem_strdup_printf(wmem_file_scope(), "%s; product from %s", gc.identity.evidence, evidence);
}

// nmap on a server's answer: the name when the signatures gave none, and the
// product and version. A match for another protocol than the one named is
// ignored (no contradicting names).
void consult_nmap(GhostConversation &gc, packet_info *pinfo, std::span<const std::uint8_t> answer, bool banner,
                  bool tcp) {
    const Transport transport = tcp ? Transport::Tcp : Transport::Udp;
    const bool unnamed = *gc.identity.protocol == '\0';
    const NmapVerdict verdict =
        nmap_identify(transport, gc.asked, answer, banner, unnamed ? nullptr : gc.identity.protocol);
    if (verdict.match == nullptr) return;
    const Signature *row = signature_for_nmap_service(verdict.match->service, transport);
    const char *protocol = row != nullptr ? row->protocol : verdict.match->service.data();
    if (!unnamed && std::strcmp(protocol, gc.identity.protocol) != 0) return;
    if (unnamed && refuted(gc, protocol)) return;
    const char *evidence =
        wmem_strdup_printf(wmem_file_scope(), "nmap-service-probes line %zu (%smatch %s, probe %s%s)",
                           verdict.match->line, verdict.match->soft ? "soft" : "", verdict.match->service.data(),
                           verdict.probe != nullptr ? verdict.probe->name.c_str() : "?",
                           verdict.by_known_protocol ? ", among the matches of the protocol already named"
                           : verdict.anchored        ? ", a long literal beginning"
                                                     : "");
    if (unnamed) {
        dissector_handle_t handle = handle_for(row, tcp);
        give_name(gc, pinfo, file_copy(protocol), handle, filter_name_of(handle), evidence);
        if (!verdict.product.empty()) {
            gc.identity.product = wire_text(verdict.product);
            gc.identity.version = wire_text(verdict.version);
            gc.identity.product_in = pinfo->num;
        }
    } else if (!verdict.product.empty()) {
        set_product(gc, pinfo, verdict.product, verdict.version, evidence);
    }
}

// A product the protocol announces in a field of its own (DNS version.bind, STUN SOFTWARE).
void consult_announcements(GhostConversation &gc, packet_info *pinfo, const Announcement &found) {
    if (found.id == nullptr || found.product.empty()) return;
    set_product(gc, pinfo, found.product, found.version,
                wmem_strdup_printf(pinfo->pool, "announcement %s (frame %u)", found.id, pinfo->num));
}

// The octets of this payload that the direction has not seen yet: all of
// them, or the tail TCP appended to a reassembly it hands over again.
struct Fresh {
    guint32 from;  // first new octet
    bool grown;    // the payload is an earlier one grown by new segments
};

Fresh fresh_octets(DirectionCursor &cursor, std::size_t length, const void *data, bool tcp) {
    const auto size = static_cast<guint32>(length);
    if (!tcp || data == nullptr) return {0, false};
    const auto *segment = static_cast<const tcpinfo *>(data);
    if (cursor.started && segment->seq == cursor.start_seq) {
        const guint32 from = std::min(cursor.seen, size);
        cursor.seen = std::max(cursor.seen, size);
        return {from, true};
    }
    cursor.started = TRUE;
    cursor.start_seq = segment->seq;
    cursor.seen = size;
    return {0, false};
}

// First pass: what the payload says about the conversation. A few payloads
// per direction, each seen once (a grown reassembly again only while the
// earlier look saw less than nmap's subject), nmap on a bounded prefix.
void identify(GhostConversation &gc, packet_info *pinfo, std::span<const std::uint8_t> payload, guint32 seen_before,
              bool grown, bool from_server, bool tcp) {
    DirectionCursor &cursor = from_server ? gc.server : gc.client;
    const bool known = *gc.identity.protocol != '\0' && gc.identity.product_in != 0;
    if (payload.empty() || known || cursor.attempts >= kAttempts) return;
    if (grown && seen_before >= kSubjectLimit) return;
    ++cursor.attempts;
    const Transport transport = tcp ? Transport::Tcp : Transport::Udp;
    if (!from_server) gc.asked = nmap_probes_sent(transport, payload);
    // A look-alike announces itself (an AMQP header of no AMQP version): never named after what it imitates.
    if (const char *refuted_name = refuted_protocol(payload, transport);
        refuted_name != nullptr && *gc.identity.protocol == '\0')
        gc.refuted = refuted_name;
    const Signature *row = match_signature(payload, transport, from_server ? Sender::Server : Sender::Client);
    // The server's first payload wins over a guess from what the client sent
    // (later ones may be what a proxy or tunnel the client named carries).
    const bool named_by_client = *gc.identity.protocol != '\0' && !gc.named_by_server;
    const bool server_first = from_server && !gc.server_spoke;
    if (row != nullptr && refuted(gc, row->protocol)) row = nullptr;
    // A server that answers in the protocol that carries the client's
    // (JSON-RPC under OVSDB) agrees with it: the finer name stays.
    const auto disagrees = [&gc](const Signature &r) {
        return std::strcmp(r.protocol, gc.identity.protocol) != 0 && !carried_in(gc.identity.protocol, r.protocol);
    };
    if (row != nullptr && (*gc.identity.protocol == '\0' || (server_first && named_by_client && disagrees(*row)))) {
        name_from_signature(gc, row, pinfo, tcp);
        gc.named_by_server = from_server;
    } else if (row != nullptr && from_server) {
        gc.named_by_server = TRUE;
    }
    if (from_server) {
        // nmap's NULL probe is what a server says before it is asked anything.
        const bool banner = !gc.server_spoke && gc.client.seen == 0;
        gc.server_spoke = TRUE;
        if (gc.identity.product_in == 0) {
            consult_announcements(gc, pinfo, find_announcement(gc.identity.protocol, payload, tcp));
            if (gc.identity.product_in == 0) consult_nmap(gc, pinfo, payload, banner, tcp);
            if (gc.identity.product_in == 0)
                consult_announcements(gc, pinfo, find_header_announcement(gc.identity.protocol, payload));
        }
    }
}

// Frame choices are keyed by the hand-off's count in the packet, so a frame
// handed off twice (TCP) replays both in order.
guint32 next_call_key(packet_info *pinfo) {
    auto *counter = static_cast<guint32 *>(frame_records::scratch(pinfo, frame_records::Scratch::HandOffCalls));
    if (counter == nullptr) {
        counter = wmem_new0(pinfo->pool, guint32);
        frame_records::set_scratch(pinfo, frame_records::Scratch::HandOffCalls, counter);
    }
    return (*counter)++;
}

// A conversation whose key holds a ghost port (a sub-dissector's wildcard
// conversation on the server's side, e.g. RPC's). One keyed only on the
// client (TFTP's for its data from another port) is left alone.
bool keyed_on_ghost_port(const conversation_t *conversation, const HandOffRequest &request) {
    for (const conversation_element_t *e = conversation->key_ptr; e != nullptr && e->type != CE_CONVERSATION_TYPE; ++e)
        if (e->type == CE_PORT && is_ghost_port(request.port_module, request.tcp, e->port_val)) return true;
    return false;
}

void take_back(conversation_t *conversation, GhostConversation &gc, packet_info *pinfo, const HandOffRequest &request,
               bool claim) {
    dissector_handle_t now = conversation_get_dissector(conversation, pinfo->num);
    if (now == request.own_handle || (now == nullptr && !claim)) return;
    if (now != nullptr && !PINFO_FD_VISITED(pinfo) && gc.taken_over == nullptr) gc.taken_over = now;
    conversation_set_dissector(conversation, request.own_handle);
    conversation_set_dissector_from_frame_number(conversation, pinfo->num, request.own_handle);
}

// Ownership: TCP/UDP give a frame to a conversation's dissector before the
// port's. A sub-dissector that registered itself for our conversation, or
// for a wildcard conversation on the ghost port, is remembered (first pass)
// and the port's own handle put back, for frame 0 (what
// conversation_set_dissector sets) and from this frame on. Our exact
// conversation gets our handle as soon as any other conversation matches
// its endpoints (the exact match is tried first, so a client-side wildcard
// conversation cannot take our frames either); while none does, the port
// dispatch already reaches us and the claim would only cost memory (two
// tree entries per conversation).
// The endpoints a hand-off started with (a tunnel's sub-dissector changes pinfo's).
struct Endpoints {
    address src, dst;
    guint32 srcport, destport;
};

void take_back_conversations(conversation_t *ours, GhostConversation &gc, packet_info *pinfo, const Endpoints &ends,
                             const HandOffRequest &request) {
    const conversation_type type = conversation_pt_to_conversation_type(pinfo->ptype);
    const struct {
        const address *a, *b;
        guint32 port_a, port_b;
    } directions[] = {{&ends.src, &ends.dst, ends.srcport, ends.destport},
                      {&ends.dst, &ends.src, ends.destport, ends.srcport}};
    constexpr guint kOptions[] = {0u, guint{NO_ADDR_B}, guint{NO_PORT_B}, guint{NO_ADDR_B | NO_PORT_B}};
    conversation_t *others[G_N_ELEMENTS(directions) * G_N_ELEMENTS(kOptions)];
    guint found = 0;
    for (const auto &d : directions)
        for (const guint options : kOptions) {
            conversation_t *c = find_conversation(pinfo->num, d.a, d.b, type, d.port_a, d.port_b, options);
            if (c != nullptr && c != ours) others[found++] = c;
        }
    take_back(ours, gc, pinfo, request, found > 0);
    for (guint i = 0; i < found; ++i)
        if (keyed_on_ghost_port(others[i], request)) take_back(others[i], gc, pinfo, request, false);
}

// Dissectors of a media type read their `data` as a media_content_info_t,
// not as TCP's or UDP's per-packet information: they are called without it.
void *transport_data_for(dissector_handle_t handle, void *data) {
    static constexpr const char *kMediaDissectors[] = {"json"};
    const char *name = dissector_handle_get_dissector_name(handle);
    for (const char *media : kMediaDissectors)
        if (name != nullptr && std::strcmp(name, media) == 0) return nullptr;
    return data;
}

// Runs TCP's/UDP's heuristic dissectors (rescap's decline meanwhile).
heur_dtbl_entry_t *try_heuristics(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data, bool tcp) {
    heur_dissector_list_t list = find_heur_dissector_list(tcp ? "tcp" : "udp");
    heur_dtbl_entry_t *entry = nullptr;
    if (list == nullptr) return nullptr;
    const bool before = g_handing_off;
    g_handing_off = true;
    gboolean found = FALSE;
    TRY {
        found = dissector_try_heuristic(list, tvb, pinfo, tree, &entry, data);
    }
    FINALLY {
        g_handing_off = before;
    }
    ENDTRY;
    return found ? entry : nullptr;
}

void call_heuristic(heur_dtbl_entry_t *entry, tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data) {
    const bool before = g_handing_off;
    g_handing_off = true;
    TRY {
        call_heur_dissector_direct(entry, tvb, pinfo, tree, data);
    }
    FINALLY {
        g_handing_off = before;
    }
    ENDTRY;
}

// A name rests on our evidence and on Wireshark's own dissector for it: when
// that dissector refuses the payload that gave the name, or finds it
// malformed, the name is withdrawn for the conversation (and that protocol
// is not given again); the frame's recorded identity says so in later passes.
void retract_name(GhostConversation &gc, packet_info *pinfo, FrameChoice &choice, const char *why) {
    gc.refuted = gc.identity.protocol;
    gc.identity.evidence = wmem_strdup_printf(wmem_file_scope(), "%s; withdrawn: Wireshark's %s dissector %s frame %u",
                                              gc.identity.evidence, gc.identity.dissector, why, pinfo->num);
    gc.identity.protocol = gc.identity.dissector = gc.identity.product = gc.identity.version = "";
    gc.identity.named_in = gc.identity.product_in = 0;
    gc.named_handle = nullptr;
    choice.identity = identity_snapshot(gc);
    choice.named_here = false;
}

// Only the payload that gave the name is judged, on the first pass: a later
// malformed PDU (a capture cut short) says nothing about what the service is.
bool judges_name(const FrameChoice &choice, packet_info *pinfo) {
    return !PINFO_FD_VISITED(pinfo) && choice.decoder == Decoder::Named && choice.named_here;
}

// A heuristic dissector strict enough to name (naming_heuristics.hpp) that
// took the payload of an unnamed conversation names it (first pass).
bool name_from_heuristic(GhostConversation &gc, packet_info *pinfo, FrameChoice &choice) {
    const char *filter = proto_get_protocol_filter_name(proto_get_id(choice.heuristic->protocol));
    const NamingHeuristic *row = naming_heuristic(filter);
    if (row == nullptr || PINFO_FD_VISITED(pinfo) || *gc.identity.protocol != '\0') return row != nullptr;
    if (refuted(gc, row->protocol)) return false;
    give_name(gc, pinfo, row->protocol, find_dissector(filter), filter,
              wmem_strdup_printf(wmem_file_scope(), "Wireshark's %s heuristic dissector: %s", filter, row->checks));
    gc.named_by_server = choice.from_server;
    choice.identity = identity_snapshot(gc);
    choice.named_here = true;
    return true;
}

const char *protocol_name_of(dissector_handle_t handle) {
    const char *name = handle != nullptr ? dissector_handle_get_protocol_short_name(handle) : nullptr;
    return name != nullptr ? name : "?";
}

}  // namespace

bool handing_off() {
    return g_handing_off;
}

HandOffPlan plan_hand_off(tvbuff_t *tvb, packet_info *pinfo, void *data, const HandOffRequest &request) {
    const guint32 key = next_call_key(pinfo);
    conversation_t *conversation = stable_conversation(pinfo);
    auto *choice = static_cast<FrameChoice *>(frame_records::find(pinfo, frame_records::Kind::HandOffChoice, key));
    if (choice == nullptr) {
        // First pass (or a frame the first pass never handed off): decide now.
        choice = wmem_new0(wmem_file_scope(), FrameChoice);
        GhostConversation &gc = ghost_conversation(conversation, pinfo, client_is_source(pinfo, request));
        gc.layer = ghost_layer_index(request.port_module);
        const bool from_server =
            !(addresses_equal(&pinfo->src, &gc.client_address) && pinfo->srcport == gc.client_port);
        const guint32 named_before = gc.identity.named_in;
        choice->first_payload = gc.client.seen == 0 && gc.server.seen == 0;
        DirectionCursor &cursor = from_server ? gc.server : gc.client;
        const guint32 seen_before = cursor.seen;
        const std::span<const std::uint8_t> payload = payload_of(tvb);
        const Fresh fresh = fresh_octets(cursor, payload.size(), data, request.tcp);
        if (!request.tcp) ++cursor.seen;  // UDP: only whether the direction spoke
        choice->fresh_from = fresh.from;
        identify(gc, pinfo, payload, seen_before, fresh.grown, from_server, request.tcp);
        choice->from_server = from_server;
        choice->layer = ghost_layer_index(request.port_module) & 3;
        choice->named_here = named_before == 0 && gc.identity.named_in == pinfo->num;
        choice->identity = identity_snapshot(gc);
        choice->conversation = &gc;
        if (gc.taken_over != nullptr) {
            choice->decoder = Decoder::TakenOver;
            choice->handle = gc.taken_over;
        } else if (gc.named_handle != nullptr) {
            choice->decoder = Decoder::Named;
            choice->handle = gc.named_handle;
        }
        frame_records::add(pinfo, frame_records::Kind::HandOffChoice, key, choice);
    }
    return plan_of(*choice, pinfo, conversation);
}

bool recorded_plan(packet_info *pinfo, HandOffPlan &plan, guint8 &layer) {
    auto *choice = static_cast<FrameChoice *>(frame_records::find(pinfo, frame_records::Kind::HandOffChoice, 0));
    if (choice == nullptr) return false;
    plan = plan_of(*choice, pinfo, nullptr);
    layer = choice->layer;
    return true;
}

HandOffResult run_hand_off(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, void *data,
                           const HandOffRequest &request, const HandOffPlan &plan) {
    auto *choice = static_cast<FrameChoice *>(plan.choice);
    conversation_t *conversation = plan.conversation;
    GhostConversation &gc = ghost_conversation(conversation, pinfo, client_is_source(pinfo, request));
    Endpoints ends{};
    copy_address_shallow(&ends.src, &pinfo->src);
    copy_address_shallow(&ends.dst, &pinfo->dst);
    ends.srcport = pinfo->srcport;
    ends.destport = pinfo->destport;
    HandOffResult result{nullptr, false, false, nullptr};
    // Let the sub-dissector reassemble across segments as if TCP had called
    // it, up to a bound: a PDU that never ends (an HTTP header block that
    // keeps growing) would otherwise be handed over again with every
    // segment, its cost the square of its length. Past the bound the
    // sub-dissector decodes what it has; a PDU whose length it knew is
    // handed over whole at once and is not affected.
    if (request.tcp && tvb_reported_length(tvb) < kHandedReassemblyLimit)
        pinfo->can_desegment = pinfo->saved_can_desegment;
    TRY {
        if (choice->decoder == Decoder::TakenOver || choice->decoder == Decoder::Named) {
            // A dissector that asks TCP for more (finger's reply, until FIN)
            // may return 0: it took the payload, it did not refuse it.
            if (call_dissector_only(choice->handle, tvb, pinfo, tree, transport_data_for(choice->handle, data)) > 0 ||
                pinfo->desegment_len != 0) {
                result.decoded_by = protocol_name_of(choice->handle);
                result.taken_over = choice->decoder == Decoder::TakenOver;
            } else if (!PINFO_FD_VISITED(pinfo)) {
                if (judges_name(*choice, pinfo)) retract_name(gc, pinfo, *choice, "refused the payload of");
                choice->decoder = Decoder::Undecided;  // refused: try the heuristics once
            } else {
                call_data_dissector(tvb, pinfo, tree);
            }
        }
        if (choice->decoder == Decoder::Undecided) {
            DirectionCursor &cursor = choice->from_server ? gc.server : gc.client;
            choice->heuristic = nullptr;
            // A signature row named the conversation and Wireshark has no dissector for it: a heuristic that
            // takes the payload would show another protocol's tree under the name (ADwin Config under ENet).
            const bool named_only = *gc.identity.protocol != '\0' && gc.named_handle == nullptr &&
                                    std::strncmp(gc.identity.evidence, "signature ", 10) == 0;
            if (!named_only && cursor.offered < kAttempts) {
                ++cursor.offered;
                choice->heuristic = try_heuristics(tvb, pinfo, tree, data, request.tcp);
            }
            choice->decoder = choice->heuristic != nullptr ? Decoder::Heuristic : Decoder::Data;
            if (choice->decoder == Decoder::Data) call_data_dissector(tvb, pinfo, tree);
        } else if (choice->decoder == Decoder::Heuristic) {
            call_heuristic(choice->heuristic, tvb, pinfo, tree, data);
        } else if (choice->decoder == Decoder::Data) {
            call_data_dissector(tvb, pinfo, tree);
        }
        // TCP will keep the next segments for the sub-dissector's reassembly
        // from us: the postdissector shows our layer there.
        if (request.tcp && pinfo->desegment_len != 0) want_withheld_segments();
        if (choice->decoder == Decoder::Heuristic) {
            result.decoded_by = proto_get_protocol_short_name(choice->heuristic->protocol);
            const guint32 named_before = choice->identity->named_in;
            result.weak = !name_from_heuristic(gc, pinfo, *choice);
            if (named_before == 0 && choice->identity->named_in == pinfo->num) result.named_now = choice->identity;
        }
    }
    CATCH_NONFATAL_ERRORS {
        if (judges_name(*choice, pinfo)) retract_name(gc, pinfo, *choice, "found a malformed payload in");
        RETHROW;
    }
    FINALLY {
        // Sub-dissectors register themselves again in every pass (SNMP
        // does): take back whatever this call changed, in the conversation
        // and with the endpoints the hand-off started with. Only the data
        // dissector ran (heuristics that decline register nothing): nothing
        // to take back, and no eight conversation lookups per payload.
        if (choice->decoder != Decoder::Data) take_back_conversations(conversation, gc, pinfo, ends, request);
    }
    ENDTRY;
    return result;
}

HandOffPlan plan_after(const HandOffPlan &plan, const HandOffResult &result) {
    HandOffPlan after = plan;
    if (result.named_now != nullptr) {
        after.identity = *result.named_now;
        after.named_here = true;
    }
    return after;
}

const Signature *strong_signature(tvbuff_t *tvb, packet_info *pinfo, const char *port_module, bool tcp) {
    const bool from_server =
        is_ghost_port(port_module, tcp, pinfo->srcport) && !is_ghost_port(port_module, tcp, pinfo->destport);
    return match_signature(payload_of(tvb), tcp ? Transport::Tcp : Transport::Udp,
                           from_server ? Sender::Server : Sender::Client);
}

const char *prepare_columns(packet_info *pinfo) {
    const char *before = wmem_strdup(pinfo->pool, col_get_text(pinfo->cinfo, COL_PROTOCOL));
    col_clear(pinfo->cinfo, COL_INFO);
    return before;
}

void label_columns(packet_info *pinfo, const char *outer, const char *protocol_before, const char *label) {
    // col_get_text points into the column's own buffer, which col_add_fstr
    // overwrites while formatting: format from a copy.
    const char *now = wmem_strdup(pinfo->pool, col_get_text(pinfo->cinfo, COL_PROTOCOL));
    if (now == nullptr || protocol_before == nullptr || std::strcmp(now, protocol_before) == 0)
        col_set_str(pinfo->cinfo, COL_PROTOCOL, outer);
    else
        col_add_fstr(pinfo->cinfo, COL_PROTOCOL, "%s/%s", outer, now);
    const char *info = col_get_text(pinfo->cinfo, COL_INFO);
    if (info == nullptr || *info == '\0')
        col_add_str(pinfo->cinfo, COL_INFO, label);
    else
        col_prepend_fstr(pinfo->cinfo, COL_INFO, "%s: ", label);
}

}  // namespace ghostports
