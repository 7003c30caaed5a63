// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/service_fields.hpp"

#include "wireshark/ghostports/exposures.hpp"

namespace ghostports {
namespace {

hf_register_info field(int *id, const char *name, const char *prefix, const char *suffix, ftenum type,
                       const char *blurb) {
    // The abbreviations live as long as the registration (for the program).
    const char *abbrev = g_strdup_printf("%s.service%s", prefix, suffix);
    return hf_register_info{id,
                            {name, abbrev, type, type == FT_NONE ? BASE_NONE : BASE_NONE, nullptr, 0, blurb, HFILL}};
}

void add_string(proto_tree *tree, tvbuff_t *tvb, int hf, const char *value) {
    if (value != nullptr && *value != '\0') proto_item_set_generated(proto_tree_add_string(tree, hf, tvb, 0, 0, value));
}

}  // namespace

void register_service_fields(int proto, const char *prefix, ServiceFields &f) {
    // hf_register_info arrays must outlive registration: one per port protocol.
    auto *hf = g_new(hf_register_info, 7);
    hf[0] = field(&f.service, "Service", prefix, "", FT_NONE, "What the conversation really is, from strong evidence");
    hf[1] = field(&f.protocol, "Protocol", prefix, ".protocol", FT_STRING,
                  "Protocol named by a signature or an nmap fingerprint (never by a weak heuristic)");
    hf[2] =
        field(&f.product, "Product", prefix, ".product", FT_STRING, "Server product, as nmap's fingerprint names it");
    hf[3] =
        field(&f.version, "Version", prefix, ".version", FT_STRING, "Server version, as nmap's fingerprint names it");
    hf[4] = field(&f.evidence, "Evidence", prefix, ".evidence", FT_STRING,
                  "Where the name came from: signature row, or nmap-service-probes line and probe");
    hf[5] = field(&f.dissector, "Decoded with", prefix, ".dissector", FT_STRING,
                  "Wireshark protocol (filter name) the name points to");
    hf[6] = field(&f.decoded_by, "Decoded by", prefix, ".decoded_by", FT_STRING,
                  "Protocol whose dissector decoded this payload (a heuristic decodes but does not name)");
    proto_register_field_array(proto, hf, 7);
    int *ett[] = {&f.ett};
    proto_register_subtree_array(ett, 1);
}

namespace {

// "Service: Telnet (inetutils-telnetd 2.4)": the evidence has its own line.
void label_service(proto_item *item, const ConversationIdentity &id) {
    proto_item_append_text(item, ": %s", id.protocol);
    if (*id.product != '\0') proto_item_append_text(item, " (%s%s%s)", id.product, *id.version ? " " : "", id.version);
}

void add_identity(proto_tree *subtree, tvbuff_t *tvb, const ServiceFields &f, const ConversationIdentity &id) {
    add_string(subtree, tvb, f.protocol, id.protocol);
    add_string(subtree, tvb, f.product, id.product);
    add_string(subtree, tvb, f.version, id.version);
    add_string(subtree, tvb, f.evidence, id.evidence);
    // The dissector's filter name ("telnet") next to the name ("Telnet")
    // says nothing new to a reader: filterable, not shown.
    if (*id.dissector != '\0')
        proto_item_set_hidden(proto_tree_add_string(subtree, f.dissector, tvb, 0, 0, id.dissector));
}

}  // namespace

proto_tree *add_service_tree(proto_tree *tree, tvbuff_t *tvb, const ServiceFields &f, const HandOffPlan &plan) {
    const ConversationIdentity &id = plan.identity;
    proto_item *item = proto_tree_add_item(tree, f.service, tvb, 0, 0, ENC_NA);
    proto_item_set_generated(item);
    if (*id.protocol == '\0')
        proto_item_append_text(item, ": not named (no strong evidence)");
    else
        label_service(item, id);
    proto_tree *subtree = proto_item_add_subtree(item, f.ett);
    add_identity(subtree, tvb, f, id);
    return subtree;
}

void name_service_tree(proto_tree *service_tree, tvbuff_t *tvb, const ServiceFields &f,
                       const ConversationIdentity &identity) {
    proto_item *item = proto_tree_get_parent(service_tree);
    if (item != nullptr) {
        proto_item_set_text(item, "%s", proto_registrar_get_name(f.service));
        label_service(item, identity);
    }
    add_identity(service_tree, tvb, f, identity);
}

const char *frame_summary(packet_info *pinfo, const HandOffPlan &plan, const char *unnamed) {
    const char *const *findings = frame_exposure_lines(pinfo);
    if (findings[0] != nullptr) {
        char *first = wmem_strdup(pinfo->pool, findings[0]);
        first[0] = g_ascii_toupper(first[0]);
        return findings[1] != nullptr ? wmem_strdup_printf(pinfo->pool, "%s (and more)", first) : first;
    }
    const ConversationIdentity &id = plan.identity;
    if (*id.protocol == '\0') return unnamed;
    if (*id.product == '\0') return id.protocol;
    return wmem_strdup_printf(pinfo->pool, "%s (%s%s%s)", id.protocol, id.product, *id.version ? " " : "", id.version);
}

void add_decoded_by(proto_tree *service_tree, tvbuff_t *tvb, const ServiceFields &f, const HandOffResult &result,
                    const ConversationIdentity &identity) {
    if (result.decoded_by == nullptr) return;
    proto_item *item = proto_tree_add_string(service_tree, f.decoded_by, tvb, 0, 0, result.decoded_by);
    proto_item_set_generated(item);
    // "Decoded by: TELNET" under "Service: Telnet" repeats it: shown only
    // when something else than the named protocol decoded the bytes.
    if (!result.weak && !result.taken_over && g_ascii_strcasecmp(result.decoded_by, identity.protocol) == 0)
        proto_item_set_hidden(item);
    if (result.weak) proto_item_append_text(item, " (heuristic dissector: decodes, does not name)");
    if (result.taken_over) proto_item_append_text(item, " (the dissector it registered for the conversation)");
}

}  // namespace ghostports
