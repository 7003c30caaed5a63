// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/ghostports/exposures.hpp"

#include <algorithm>
#include <map>

#include <epan/conversation.h>
#include <epan/expert.h>

#include "core/ghostports/exposures.hpp"
#include "wireshark/compat.hpp"
#include "wireshark/frame_records.hpp"
#include "wireshark/ghostports/conversation.hpp"

namespace ghostports {

struct ExposureFields {
    int proto = -1;
    int hf_exposure = -1, hf_protocol = -1, hf_user = -1, hf_secret_length = -1, hf_command = -1, hf_evidence = -1;
    int ett = -1;
    expert_field ei_login = EI_INIT, ei_shell = EI_INIT, ei_command = EI_INIT;
};

namespace {

// A finding as remembered for its frame (file scope, C types only: it is
// read while calling into epan, which may throw).
struct StoredExposure {
    ExposureKind kind;
    const char *protocol;
    const char *user;
    guint32 secret_length;
    const char *detail;
};

struct FrameExposures {
    guint count;
    StoredExposure *items;
};

// One per layer (rescap, decap): epan keeps pointers into these arrays.
struct LayerRegistration {
    ExposureFields fields;
    hf_register_info hf[6];
    int *ett[1];
    ei_register_info ei[3];
};
LayerRegistration g_layers[2];
int g_registered = 0;

// Scanner per conversation, first pass only; cleared when a file closes.
std::map<guint32, ExposureScanner> &scanners() {
    static std::map<guint32, ExposureScanner> map;
    return map;
}
void clear_scanners() {
    scanners().clear();
}

// Wire text (user names, command lines) escaped once, for every label, field and tap.
const char *file_string(const std::string &s) {
    return ws_compat::format_text(wmem_file_scope(), reinterpret_cast<const std::uint8_t *>(s.data()), s.size());
}

// First pass: scan and append to this frame's list.
void scan_octets(packet_info *pinfo, std::span<const std::uint8_t> payload, bool from_client) {
    if (payload.empty()) return;
    conversation_t *conversation = stable_conversation(pinfo);
    // Most conversations never leave a scanner anything to remember: keep
    // one only while it does (3.7 MiB on the benchmark capture otherwise).
    auto &kept = scanners();
    const auto it = kept.find(conversation->conv_index);
    std::vector<Exposure> found;
    if (it == kept.end()) {
        ExposureScanner scanner;
        found = scanner.scan(payload, from_client);
        if (!scanner.idle()) kept.emplace(conversation->conv_index, std::move(scanner));
    } else {
        found = it->second.scan(payload, from_client);
        if (it->second.idle()) kept.erase(it);
    }
    if (found.empty()) return;
    auto *frame = static_cast<FrameExposures *>(frame_records::find(pinfo, frame_records::Kind::Exposures, 0));
    const guint before = frame != nullptr ? frame->count : 0;
    auto *items = wmem_alloc_array(wmem_file_scope(), StoredExposure, before + found.size());
    for (guint i = 0; i < before; ++i) items[i] = frame->items[i];
    for (std::size_t i = 0; i < found.size(); ++i)
        items[before + i] = {found[i].kind, exposure_protocol_name(found[i].protocol), file_string(found[i].user),
                             static_cast<guint32>(found[i].secret_length), file_string(found[i].detail)};
    if (frame == nullptr) {
        frame = wmem_new(wmem_file_scope(), FrameExposures);
        frame_records::add(pinfo, frame_records::Kind::Exposures, 0, frame);
    }
    frame->count = before + static_cast<guint>(found.size());
    frame->items = items;
}

void scan(tvbuff_t *tvb, packet_info *pinfo, bool from_client, guint32 from) {
    const guint length = tvb_captured_length(tvb);
    if (length <= from) return;
    scan_octets(pinfo, {tvb_get_ptr(tvb, static_cast<gint>(from), static_cast<gint>(length - from)), length - from},
                from_client);
}

const char *summary(wmem_allocator_t *pool, const StoredExposure &e) {
    switch (e.kind) {
        case ExposureKind::CleartextLogin:
            return wmem_strdup_printf(pool, "Cleartext login (%s%s%s): user \"%s\", password (%u octets)", e.protocol,
                                      *e.detail ? " " : "", e.detail, e.user, e.secret_length);
        case ExposureKind::ShellSession:
            return wmem_strdup_printf(pool, "Interactive shell in cleartext (%s%s%s)", e.detail,
                                      *e.user ? ", user " : "", e.user);
        case ExposureKind::ShellCommand: return wmem_strdup_printf(pool, "Shell command in cleartext: %s", e.detail);
    }
    return "";
}

expert_field *expert_for(ExposureFields *f, ExposureKind kind) {
    switch (kind) {
        case ExposureKind::CleartextLogin: return &f->ei_login;
        case ExposureKind::ShellSession: return &f->ei_shell;
        case ExposureKind::ShellCommand: break;
    }
    return &f->ei_command;
}

void show(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_item *root, ExposureFields *f,
          const StoredExposure &e) {
    const char *text = summary(pinfo->pool, e);
    proto_item *item =
        proto_tree_add_string_format_value(tree, f->hf_exposure, tvb, 0, 0, exposure_kind_name(e.kind), "%s", text);
    proto_item_set_generated(item);
    proto_tree *subtree = proto_item_add_subtree(item, f->ett);
    if (e.kind != ExposureKind::ShellCommand)
        proto_item_set_generated(proto_tree_add_string(subtree, f->hf_protocol, tvb, 0, 0, e.protocol));
    if (*e.user) proto_item_set_generated(proto_tree_add_string(subtree, f->hf_user, tvb, 0, 0, e.user));
    if (e.kind == ExposureKind::CleartextLogin)
        proto_item_set_generated(proto_tree_add_uint(subtree, f->hf_secret_length, tvb, 0, 0, e.secret_length));
    if (e.kind == ExposureKind::ShellCommand)
        proto_item_set_generated(proto_tree_add_string(subtree, f->hf_command, tvb, 0, 0, e.detail));
    if (e.kind == ExposureKind::ShellSession && *e.detail)
        proto_item_set_generated(proto_tree_add_string(subtree, f->hf_evidence, tvb, 0, 0, e.detail));
    expert_add_info_format(pinfo, root, expert_for(f, e.kind), "%s", text);
}

hf_register_info field(int *id, const char *prefix, const char *name, const char *suffix, ftenum type,
                       const char *blurb) {
    return hf_register_info{id,
                            {name, g_strdup_printf("%s.exposure%s", prefix, suffix), type,
                             type == FT_UINT32 ? BASE_DEC : BASE_NONE, nullptr, 0, blurb, HFILL}};
}

}  // namespace

ExposureFields *register_exposure_fields(int proto, const char *prefix) {
    LayerRegistration &layer = g_layers[g_registered++];
    ExposureFields *f = &layer.fields;
    f->proto = proto;
    if (g_registered == 1) register_cleanup_routine(clear_scanners);
    hf_register_info hf[] = {
        field(&f->hf_exposure, prefix, "Exposure", "", FT_STRING,
              "Something an analyst must see: cleartext_login, shell_session or shell_command"),
        field(&f->hf_protocol, prefix, "Protocol", ".protocol", FT_STRING, "Protocol that exposed it"),
        field(&f->hf_user, prefix, "User", ".user", FT_STRING, "User name sent in cleartext (or the shell's user)"),
        field(&f->hf_secret_length, prefix, "Password length", ".password_length", FT_UINT32,
              "Octets of the cleartext password (the password itself is not shown)"),
        field(&f->hf_command, prefix, "Command", ".command", FT_STRING, "Command line sent to a cleartext shell"),
        field(&f->hf_evidence, prefix, "Evidence", ".evidence", FT_STRING, "What shows the shell"),
    };
    ei_register_info ei[] = {
        {&f->ei_login,
         {g_strdup_printf("%s.expert.cleartext_login", prefix), PI_SECURITY, PI_WARN,
          "Cleartext credentials on a ghost port", EXPFILL}},
        {&f->ei_shell,
         {g_strdup_printf("%s.expert.shell_session", prefix), PI_SECURITY, PI_WARN,
          "Interactive shell in cleartext on a ghost port (a backdoor?)", EXPFILL}},
        {&f->ei_command,
         {g_strdup_printf("%s.expert.shell_command", prefix), PI_SECURITY, PI_NOTE,
          "Shell command in cleartext on a ghost port", EXPFILL}},
    };
    std::copy(std::begin(hf), std::end(hf), layer.hf);
    std::copy(std::begin(ei), std::end(ei), layer.ei);
    layer.ett[0] = &f->ett;
    proto_register_field_array(proto, layer.hf, G_N_ELEMENTS(layer.hf));
    proto_register_subtree_array(layer.ett, G_N_ELEMENTS(layer.ett));
    expert_register_field_array(expert_register_protocol(proto), layer.ei, G_N_ELEMENTS(layer.ei));
    return f;
}

guint report_exposures(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_item *root, ExposureFields *fields,
                       const HandOffPlan &plan) {
    if (!PINFO_FD_VISITED(pinfo)) scan(tvb, pinfo, !plan.from_server, plan.fresh_from);
    return show_recorded_exposures(tvb, pinfo, tree, root, fields);
}

void scan_withheld_segment(packet_info *pinfo, std::span<const std::uint8_t> segment, bool from_client) {
    if (!PINFO_FD_VISITED(pinfo)) scan_octets(pinfo, segment, from_client);
}

guint show_recorded_exposures(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, proto_item *root,
                              ExposureFields *fields) {
    const auto *frame =
        static_cast<const FrameExposures *>(frame_records::find(pinfo, frame_records::Kind::Exposures, 0));
    if (frame == nullptr) return 0;
    // Each finding once per dissection of the packet: TCP may hand a frame
    // over twice, and the first pass records a finding in the call that
    // completes it.
    auto *shown = static_cast<guint *>(frame_records::scratch(pinfo, frame_records::Scratch::ExposuresShown));
    if (shown == nullptr) {
        shown = wmem_new0(pinfo->pool, guint);
        frame_records::set_scratch(pinfo, frame_records::Scratch::ExposuresShown, shown);
    }
    const guint from = *shown;
    for (guint i = from; i < frame->count; ++i) show(tvb, pinfo, tree, root, fields, frame->items[i]);
    *shown = frame->count;
    return frame->count - from;
}

const char *const *frame_exposure_lines(packet_info *pinfo) {
    const auto *frame =
        static_cast<const FrameExposures *>(frame_records::find(pinfo, frame_records::Kind::Exposures, 0));
    const guint count = frame != nullptr ? frame->count : 0;
    auto **lines = wmem_alloc_array(pinfo->pool, const char *, count + 1);
    for (guint i = 0; i < count; ++i) {
        const StoredExposure &e = frame->items[i];
        switch (e.kind) {
            case ExposureKind::CleartextLogin:
                lines[i] = *e.user ? wmem_strdup_printf(pinfo->pool, "cleartext %s login, user %s", e.protocol, e.user)
                                   : wmem_strdup_printf(pinfo->pool, "cleartext %s login", e.protocol);
                break;
            case ExposureKind::ShellSession:
                lines[i] = *e.user ? wmem_strdup_printf(pinfo->pool, "interactive shell, user %s", e.user)
                                   : "interactive shell";
                break;
            case ExposureKind::ShellCommand:
                lines[i] = wmem_strdup_printf(pinfo->pool, "shell command: %s", e.detail);
                break;
        }
    }
    lines[count] = nullptr;
    return lines;
}

}  // namespace ghostports
