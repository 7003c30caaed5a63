#include "wireshark/rescap/render.hpp"

#include <string>
#include <vector>

#include <epan/expert.h>
#include <epan/to_str.h>

#include "wireshark/compat.hpp"
#include "wireshark/rescap/fields.hpp"
#include "core/rescap/status.hpp"

namespace rescap {
namespace {

std::uint16_t read_u16(std::span<const std::uint8_t> bytes, std::size_t at) {
    return static_cast<std::uint16_t>(bytes[at] << 8 | bytes[at + 1]);
}

// Longest text shown in a label before it is cut; the field keeps it all.
constexpr std::size_t kLabelText = 120;

const char *printable(packet_info *pinfo, std::span<const std::uint8_t> text) {
    const bool cut = text.size() > kLabelText;
    const char *shown = ws_compat::format_text(pinfo->pool, text.data(), cut ? kLabelText : text.size());
    return cut ? wmem_strdup_printf(pinfo->pool, "%s…", shown) : shown;
}

const char *status_label(packet_info *pinfo, std::span<const std::uint8_t> value) {
    if (value.size() < 2) return "(too short)";
    const std::uint16_t code = read_u16(value, 0);
    const char *meaning = status_meaning(code);
    const char *text = value.size() > 2 ? printable(pinfo, value.subspan(2)) : nullptr;
    return wmem_strdup_printf(pinfo->pool, "0x%04x %s%s%s%s", code, meaning ? meaning : "(unknown code)",
                              text ? " \"" : "", text ? text : "", text ? "\"" : "");
}

const char *octet_count(packet_info *pinfo, std::size_t n) {
    return wmem_strdup_printf(pinfo->pool, "%zu octet%s", n, n == 1 ? "" : "s");
}

class Renderer {
public:
    Renderer(tvbuff_t *tvb, packet_info *pinfo, const ParseResult &result, std::span<const std::uint8_t> input)
        : pinfo_(pinfo),
          r_(result),
          input_(input),
          f_(fields()),
          sources_(result.buffers.size() + 1, nullptr),
          trees_(result.items.size(), nullptr) {
        sources_[kInput] = tvb;
    }

    void run(proto_tree *tree) {
        message_tree_ = tree;
        if (r_.items.empty()) return report_all();
        proto_tree_add_boolean(tree, f_.response, sources_[kInput], 0, 2, r_.role == Role::Response);
        if (r_.form != Form::None)
            proto_item_set_generated(
                proto_tree_add_uint(tree, f_.form, sources_[kInput], 0, 0, static_cast<guint32>(r_.form)));
        render_item(0, tree);
        report_all();
    }

private:
    // The tvb of a source; reassembled contents and decoded URLs become data
    // sources of their own the first time they are shown.
    tvbuff_t *source(SourceId id, const Item &owner) {
        if (sources_[id] != nullptr) return sources_[id];
        const auto &buffer = r_.buffers[id - 1];
        const auto length = static_cast<guint>(buffer.size());
        auto *copy = static_cast<guint8 *>(wmem_alloc(pinfo_->pool, buffer.size() + 1));
        std::copy(buffer.begin(), buffer.end(), copy);
        tvbuff_t *child = tvb_new_child_real_data(sources_[kInput], copy, length, static_cast<gint>(length));
        const bool from_url = owner.embedded >= 0 && r_.embedded[static_cast<std::size_t>(owner.embedded)].source == id;
        add_new_data_source(
            pinfo_, child,
            wmem_strdup_printf(pinfo_->pool, "%s %s (%u octets)", from_url ? "Request in the URL of" : "Reassembled",
                               std::string(tag_name(owner.tag)).c_str(), length));
        sources_[id] = child;
        return child;
    }

    const char *attribute_detail(const Item &item, std::span<const std::uint8_t> value) {
        if (!attribute_value_fits(item.attribute->type, value)) return "(does not fit its type)";
        switch (item.attribute->type) {
            case AttrType::Boolean: return value[0] != 0 ? "true" : "false";
            case AttrType::Integer: return wmem_strdup_printf(pinfo_->pool, "%u", read_u16(value, 0));
            case AttrType::String:
            case AttrType::Uri: return printable(pinfo_, value);
            case AttrType::StringList: {
                std::vector<std::span<const std::uint8_t>> strings;
                split_string_list(value, strings);
                wmem_strbuf_t *joined = wmem_strbuf_new(pinfo_->pool, "");
                for (const auto &entry : strings)
                    wmem_strbuf_append_printf(joined, "%s%s", wmem_strbuf_get_len(joined) ? ", " : "",
                                              printable(pinfo_, entry));
                return wmem_strbuf_get_str(joined);
            }
            case AttrType::Octets: break;
        }
        return octet_count(pinfo_, value.size());
    }

    const char *label(const Item &item) {
        std::string name(tag_name(item.tag));
        const auto value = r_.value(item, input_);
        if (item.attribute != nullptr)
            return wmem_strdup_printf(pinfo_->pool, "%s (%s): %s", item.attribute->name.c_str(), name.c_str(),
                                      attribute_detail(item, value));
        const char *detail = nullptr;
        switch (item.spec->kind) {
            case ContentKind::Uri: detail = printable(pinfo_, value); break;
            case ContentKind::Status: detail = status_label(pinfo_, value); break;
            case ContentKind::Ttl:
                if (value.size() == 4)
                    detail = wmem_strdup_printf(pinfo_->pool, "%u s",
                                                static_cast<unsigned>(read_u16(value, 0)) << 16 | read_u16(value, 2));
                break;
            case ContentKind::Timestamp:
                detail = item.timestamp_valid ? abs_time_secs_to_str(pinfo_->pool, static_cast<time_t>(item.timestamp),
                                                                     ABSOLUTE_TIME_UTC, TRUE)
                                              : "(invalid timestamp)";
                break;
            case ContentKind::TagList:
                detail = wmem_strdup_printf(pinfo_->pool, "%zu tag%s%s", value.size() / 2, value.size() == 2 ? "" : "s",
                                            value.empty() ? " (return everything)" : "");
                break;
            case ContentKind::None: break;
            default: detail = octet_count(pinfo_, value.size()); break;
        }
        // The form is a choice only for the dual-form containers.
        const bool dual = item.spec->layout == Layout::DualForm;
        const char *form = !dual                       ? ""
                           : item.form == Form::Count  ? wmem_strdup_printf(pinfo_->pool, " [count %u]", item.count)
                           : item.form == Form::Nested ? " [nested]"
                                                       : "";
        return wmem_strdup_printf(pinfo_->pool, "%s%s%s%s%s", name.c_str(), detail ? ": " : "", detail ? detail : "",
                                  form, item.fragment_count > 1 ? " [reassembled]" : "");
    }

    void render_header(proto_tree *tree, tvbuff_t *tvb, const Item &item) {
        const auto pieces = r_.fragments_of(item);
        proto_tree_add_item(tree, f_.item_tag, tvb, static_cast<gint>(pieces.front().offset), 2, ENC_BIG_ENDIAN);
        if (pieces.size() == 1) return render_length(tree, tvb, pieces.front());
        proto_item_set_generated(
            proto_tree_add_uint(tree, f_.fragment_count, tvb, 0, 0, static_cast<guint32>(pieces.size())));
        const std::size_t start = pieces.front().offset;
        const std::size_t end = pieces.back().offset + kHeaderLength + pieces.back().available;
        proto_tree *list =
            proto_tree_add_subtree_format(tree, tvb, static_cast<gint>(start), static_cast<gint>(end - start),
                                          f_.ett_fragments, nullptr, "Fragments (%zu)", pieces.size());
        proto_tree_add_item(list, f_.fragments, tvb, static_cast<gint>(start), static_cast<gint>(end - start), ENC_NA);
        unsigned number = 0;
        for (const Fragment &piece : pieces) {
            proto_item *node = proto_tree_add_item(list, f_.fragment, tvb, static_cast<gint>(piece.offset),
                                                   static_cast<gint>(kHeaderLength + piece.available), ENC_NA);
            proto_item_set_text(node, "Fragment %u: %zu octets%s", ++number, piece.available,
                                piece.continuation ? ", more follow" : ", last");
            render_length(proto_item_add_subtree(node, f_.ett_fragment), tvb, piece);
        }
        proto_item_set_generated(
            proto_tree_add_uint(tree, f_.reassembled_length, tvb, 0, 0, static_cast<guint32>(item.content_length)));
    }

    void render_length(proto_tree *tree, tvbuff_t *tvb, const Fragment &piece) {
        proto_tree_add_item(tree, f_.item_continuation, tvb, static_cast<gint>(piece.offset + 2), 2, ENC_BIG_ENDIAN);
        proto_tree_add_item(tree, f_.item_length, tvb, static_cast<gint>(piece.offset + 2), 2, ENC_BIG_ENDIAN);
    }

    void render_attribute(proto_tree *tree, tvbuff_t *tvb, const Item &item) {
        const AttrType type = item.attribute->type;
        const auto offset = static_cast<gint>(item.value_offset);
        const auto length = static_cast<gint>(item.value_length);
        proto_item_set_generated(
            proto_tree_add_string(tree, f_.attr_name, tvb, offset, 0, item.attribute->name.c_str()));
        proto_item_set_generated(proto_tree_add_uint(tree, f_.attr_type, tvb, offset, 0, static_cast<guint32>(type)));
        const auto value = r_.value(item, input_);
        if (!attribute_value_fits(type, value)) {
            if (length > 0) proto_tree_add_item(tree, f_.value_field(*item.spec), tvb, offset, length, ENC_NA);
            return;
        }
        const int hf = f_.attribute_field(type);
        switch (type) {
            case AttrType::Boolean:
            case AttrType::Integer: proto_tree_add_item(tree, hf, tvb, offset, length, ENC_BIG_ENDIAN); break;
            case AttrType::String:
            case AttrType::Uri: proto_tree_add_item(tree, hf, tvb, offset, length, ENC_UTF_8); break;
            case AttrType::StringList: {
                std::vector<std::span<const std::uint8_t>> strings;
                split_string_list(value, strings);
                for (const auto &entry : strings) {
                    const auto at = offset + static_cast<gint>(entry.data() - value.data());
                    proto_tree_add_item(tree, hf, tvb, at, static_cast<gint>(entry.size()), ENC_UTF_8);
                }
                break;
            }
            case AttrType::Octets:
                if (length > 0) proto_tree_add_item(tree, hf, tvb, offset, length, ENC_NA);
                break;
        }
    }

    void render_embedded(proto_tree *tree, const Item &item) {
        const Embedded &embedded = r_.embedded[static_cast<std::size_t>(item.embedded)];
        tvbuff_t *tvb = source(embedded.source, item);
        proto_item *node = proto_tree_add_item(tree, f_.embedded, tvb, 0, -1, ENC_NA);
        proto_tree *subtree = proto_item_add_subtree(node, f_.ett_embedded);
        const auto &octets = r_.buffers[embedded.source - 1];
        proto_item_append_text(node, ": %s", message_summary(pinfo_, *embedded.message, octets));
        render_message(tvb, pinfo_, subtree, *embedded.message, octets);
    }

    void render_value(proto_tree *tree, tvbuff_t *tvb, const Item &item) {
        if (item.attribute != nullptr) return render_attribute(tree, tvb, item);
        const int hf = f_.value_field(*item.spec);
        const auto offset = static_cast<gint>(item.value_offset);
        const auto length = static_cast<gint>(item.value_length);
        switch (item.spec->kind) {
            case ContentKind::Uri: proto_tree_add_item(tree, hf, tvb, offset, length, ENC_UTF_8); break;
            case ContentKind::TagList:
                for (gint at = 0; at + 2 <= length; at += 2)
                    proto_tree_add_item(tree, hf, tvb, offset + at, 2, ENC_BIG_ENDIAN);
                break;
            case ContentKind::Ttl:
                if (length == 4) proto_tree_add_item(tree, hf, tvb, offset, 4, ENC_BIG_ENDIAN);
                break;
            case ContentKind::Timestamp:
                if (item.timestamp_valid) {
                    const nstime_t when{static_cast<time_t>(item.timestamp), 0};
                    proto_tree_add_time(tree, hf, tvb, offset, length, &when);
                }
                break;
            case ContentKind::Status:
                if (length < 2) break;
                proto_tree_add_item(tree, f_.status_code, tvb, offset, 2, ENC_BIG_ENDIAN);
                proto_tree_add_item(tree, f_.status_main, tvb, offset, 1, ENC_BIG_ENDIAN);
                proto_tree_add_item(tree, f_.status_secondary, tvb, offset + 1, 1, ENC_BIG_ENDIAN);
                if (length > 2) proto_tree_add_item(tree, f_.status_text, tvb, offset + 2, length - 2, ENC_UTF_8);
                break;
            case ContentKind::None: break;
            default:
                if (length > 0) proto_tree_add_item(tree, hf, tvb, offset, length, ENC_NA);
                break;
        }
    }

    void render_item(std::uint32_t index, proto_tree *parent) {
        const Item &item = r_.items[index];
        tvbuff_t *header_tvb = source(item.header_source, item);
        const auto pieces = r_.fragments_of(item);
        const std::size_t start = pieces.front().offset;
        const std::size_t end = pieces.back().offset + kHeaderLength + pieces.back().available;
        proto_item *node = proto_tree_add_item(parent, f_.item, header_tvb, static_cast<gint>(start),
                                               static_cast<gint>(end - start), ENC_NA);
        // Labels cost formatting on every item: only a tree someone sees needs them.
        if (node != nullptr && PTREE_DATA(node)->visible) proto_item_set_text(node, "%s", label(item));
        proto_tree *tree = proto_item_add_subtree(node, f_.item_subtree(*item.spec));
        trees_[index] = tree;
        render_header(tree, header_tvb, item);
        tvbuff_t *content_tvb = source(item.content_source, item);
        // Fields follow the wire order: SignatureControlInfo's KeyID comes
        // before its raw signature, every other value before the children.
        const bool children_first = item.spec->kind == ContentKind::SignatureControl;
        if (!children_first) render_value(tree, content_tvb, item);
        if (item.embedded >= 0) render_embedded(tree, item);
        if (item.spec->layout == Layout::DualForm && item.form != Form::None) {
            proto_item_set_generated(
                proto_tree_add_uint(tree, f_.form, content_tvb, 0, 0, static_cast<guint32>(item.form)));
            if (item.form == Form::Count)
                proto_tree_add_item(tree, f_.count, content_tvb,
                                    static_cast<gint>(item.content_offset + prefix_length(item.spec->kind)), 2,
                                    ENC_BIG_ENDIAN);
        }
        render_children(index, tree);
        if (children_first) render_value(tree, content_tvb, item);
    }

    void render_children(std::uint32_t index, proto_tree *tree) {
        const Item &item = r_.items[index];
        proto_tree *ignored = nullptr;
        for (std::uint32_t c = item.first_child; c != kNoItem; c = r_.items[c].next_sibling) {
            if (!r_.items[c].ignored || index != 0) {
                render_item(c, tree);
                continue;
            }
            if (ignored == nullptr) {
                proto_item *group = proto_tree_add_item(message_tree_, f_.ignored, sources_[kInput],
                                                        static_cast<gint>(r_.message_length),
                                                        static_cast<gint>(r_.consumed - r_.message_length), ENC_NA);
                ignored = proto_item_add_subtree(group, f_.ett_ignored);
            }
            render_item(c, ignored);
        }
    }

    void report_all() {
        for (const Diagnostic &d : r_.diagnostics) {
            proto_tree *tree = d.item != kNoItem && trees_[d.item] != nullptr ? trees_[d.item] : message_tree_;
            const Item *owner = d.item != kNoItem ? &r_.items[d.item] : nullptr;
            tvbuff_t *tvb = d.source == kInput || owner == nullptr ? sources_[kInput] : source(d.source, *owner);
            proto_tree_add_expert_format(tree, pinfo_, f_.expert_for(d.kind), tvb, static_cast<gint>(d.offset),
                                         static_cast<gint>(d.length), "%s", d.message.c_str());
        }
    }

    packet_info *pinfo_;
    const ParseResult &r_;
    std::span<const std::uint8_t> input_;
    Fields &f_;
    std::vector<tvbuff_t *> sources_;
    std::vector<proto_tree *> trees_;
    proto_tree *message_tree_ = nullptr;
};

}  // namespace

void render_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const ParseResult &result,
                    std::span<const std::uint8_t> input) {
    Renderer(tvb, pinfo, result, input).run(tree);
}

const char *message_summary(packet_info *pinfo, const ParseResult &result, std::span<const std::uint8_t> input) {
    const char *form = result.form == Form::Nested ? " [1999 nested form]" : "";
    if (result.role == Role::Request) {
        const Item *uri = result.find(kTagBaseUri);
        return wmem_strdup_printf(pinfo->pool, "Request %s%s",
                                  uri ? printable(pinfo, result.value(*uri, input)) : "(no BaseURI)", form);
    }
    const Item *status = result.find(kTagStatus);
    const Item *referral = result.find(kTagReferral);
    return wmem_strdup_printf(
        pinfo->pool, "Response: %s%s%s%s", status ? status_label(pinfo, result.value(*status, input)) : "(no Status)",
        referral ? ", referral to " : "", referral ? printable(pinfo, result.value(*referral, input)) : "", form);
}

}  // namespace rescap
