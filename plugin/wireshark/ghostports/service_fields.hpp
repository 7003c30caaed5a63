// SPDX-License-Identifier: GPL-2.0-or-later
// The "what is this service" fields, registered once per port protocol so
// that each can be filtered on its own: rescap.service.* and decap.service.*
// (protocol, product, version, evidence, the dissector that decodes it, and
// what decoded a payload when nothing named it).
#pragma once

#include <epan/packet.h>

#include "wireshark/ghostports/handoff.hpp"

namespace ghostports {

struct ServiceFields {
    int service = -1;
    int protocol = -1;
    int product = -1;
    int version = -1;
    int evidence = -1;
    int dissector = -1;
    int decoded_by = -1;
    int ett = -1;
};

// Registers `<prefix>.service`, `<prefix>.service.protocol`, ... for `proto`.
void register_service_fields(int proto, const char *prefix, ServiceFields &fields);

// The service subtree from the plan (before the hand-off).
proto_tree *add_service_tree(proto_tree *tree, tvbuff_t *tvb, const ServiceFields &fields, const HandOffPlan &plan);

// The hand-off named the conversation (a heuristic dissector strict enough
// to name took the payload, naming_heuristics.hpp): the service subtree made
// before it says so now, as later passes show it from the start.
void name_service_tree(proto_tree *service_tree, tvbuff_t *tvb, const ServiceFields &fields,
                       const ConversationIdentity &identity);

// What the packet list says first about a handed-off payload: the frame's
// finding in words ("cleartext Telnet login, user ghostuser"), else the
// service with its product and version ("SSH (OpenSSH 9.2p1)"), else
// `unnamed`. Call after the frame's exposures were reported.
const char *frame_summary(packet_info *pinfo, const HandOffPlan &plan, const char *unnamed);

// What decoded the bytes (after the hand-off); a heuristic is labelled as such.
void add_decoded_by(proto_tree *service_tree, tvbuff_t *tvb, const ServiceFields &fields, const HandOffResult &result,
                    const ConversationIdentity &identity);

}  // namespace ghostports
