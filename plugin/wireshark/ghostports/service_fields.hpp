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

// What decoded the bytes (after the hand-off); a heuristic is labelled as such.
void add_decoded_by(proto_tree *service_tree, tvbuff_t *tvb, const ServiceFields &fields, const HandOffResult &result);

}  // namespace ghostports
