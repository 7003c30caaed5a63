// SPDX-License-Identifier: GPL-2.0-or-later
#include "wireshark/rescap/render.hpp"

#include <string_view>
#include <vector>

#include <epan/expert.h>

#include "wireshark/rescap/content_kinds.hpp"
#include "wireshark/compat.hpp"
#include "wireshark/rescap/fields.hpp"
#include "wireshark/rescap/pool_object.hpp"

namespace rescap {
namespace {

gint at(std::size_t offset) {
    return static_cast<gint>(offset);
}

// Tree items an item may add at most (node, tag, marker, length, value,
// form, count, subtrees), beside its fragments and list entries.
constexpr guint kItemCost = 12;
constexpr guint kFragmentCost = 4;
constexpr guint kExpertCost = 6;
// Left free under Wireshark's per-packet limit: the too_many_items expert
// and whatever follows rescap in the packet.
constexpr guint kReserve = 64;

// Made in pinfo->pool (pool_make): its vectors are freed with the pool
// even when epan throws while it renders.
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
        total_items_ = r_.items.size();
        // Without a tree (tshark with no -V, filter or tap) only what outlives
        // it: the experts (Expert column, severity) and any reassembled data
        // source (tshark -x shows them).
        if (r_.items.empty()) return report_all();
        if (tree == nullptr) {
            add_sources(0);
            return report_all();
        }
        proto_tree_add_boolean(tree, f_.response, sources_[kInput], 0, 2, r_.role == Role::Response);
        // The root item's line says the form; the message-level field is for filters.
        if (r_.form != Form::None)
            proto_item_set_hidden(
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
        // Wireshark adds the size to the tab's name itself.
        add_new_data_source(
            pinfo_, child,
            wmem_strdup_printf(pinfo_->pool, "%s %s", from_url ? "Request in the URL of" : "Reassembled",
                               std::string(tag_name(owner.tag)).c_str()));
        sources_[id] = child;
        return child;
    }

    ContentView view(const Item &item) const { return {pinfo_, f_, r_, input_, item, r_.value(item, input_)}; }

    const char *attribute_detail(const Item &item, std::span<const std::uint8_t> value) {
        if (!attribute_value_fits(item.attribute->type, value)) return "(does not fit its type)";
        switch (item.attribute->type) {
            case AttrType::Boolean: return value[0] != 0 ? "true" : "false";
            case AttrType::Integer:
                return wmem_strdup_printf(pinfo_->pool, "%u", static_cast<unsigned>(value[0] << 8 | value[1]));
            case AttrType::String:
            case AttrType::Uri: return label_text(pinfo_, value);
            case AttrType::StringList: {
                wmem_strbuf_t *joined = wmem_strbuf_new(pinfo_->pool, "");
                for (std::size_t at = 0; const auto entry = next_list_string(value, at);)
                    wmem_strbuf_append_printf(joined, "%s%s", wmem_strbuf_get_len(joined) ? ", " : "",
                                              label_text(pinfo_, *entry));
                return wmem_strbuf_get_str(joined);
            }
            case AttrType::Octets: break;
        }
        return content_kind(ContentKind::Opaque).detail(view(item));
    }

    // The form, said once: in the line of the container that chose it.
    const char *form_detail(const Item &item) const {
        if (item.spec->layout != Layout::DualForm || item.form == Form::None) return "";
        if (item.form == Form::Nested) return " [nested form]";
        return wmem_strdup_printf(pinfo_->pool, " [count form, %u item%s]", item.count, item.count == 1 ? "" : "s");
    }

    // Appended piece by piece (no printf): every item of a -V tree has one.
    const char *label(const Item &item) {
        const std::string_view name = tag_name(item.tag);
        wmem_strbuf_t *line = wmem_strbuf_new(pinfo_->pool, "");
        if (item.attribute != nullptr) {
            wmem_strbuf_append(line, item.attribute->name.c_str());
            wmem_strbuf_append(line, " (");
            wmem_strbuf_append_len(line, name.data(), name.size());
            wmem_strbuf_append(line, "): ");
            wmem_strbuf_append(line, attribute_detail(item, r_.value(item, input_)));
            return wmem_strbuf_finalize(line);
        }
        wmem_strbuf_append_len(line, name.data(), name.size());
        const auto detail_of = content_kind(item.spec->kind).detail;
        if (const char *detail = detail_of != nullptr ? detail_of(view(item)) : nullptr) {
            wmem_strbuf_append(line, ": ");
            wmem_strbuf_append(line, detail);
        }
        wmem_strbuf_append(line, form_detail(item));
        if (item.fragment_count > 1)
            wmem_strbuf_append_printf(line, " [reassembled from %u fragments]", item.fragment_count);
        return wmem_strbuf_finalize(line);
    }

    void render_header(proto_tree *tree, tvbuff_t *tvb, const Item &item) {
        const auto pieces = r_.fragments_of(item);
        proto_tree_add_item(tree, f_.item_tag, tvb, at(pieces.front().offset), 2, ENC_BIG_ENDIAN);
        if (pieces.size() == 1) return render_length(tree, tvb, pieces.front());
        unsigned number = 0;
        for (const Fragment &piece : pieces) {
            proto_item *node = proto_tree_add_item(tree, f_.fragment_header, tvb, at(piece.offset), 4, ENC_NA);
            proto_item_set_text(node, "Fragment %u header: %zu octets, %s", ++number, piece.available,
                                piece.continuation ? "more follow" : "last");
            render_length(proto_item_add_subtree(node, f_.ett_fragment_header), tvb, piece);
        }
    }

    void render_length(proto_tree *tree, tvbuff_t *tvb, const Fragment &piece) {
        proto_tree_add_item(tree, f_.item_continuation, tvb, at(piece.offset + 2), 2, ENC_BIG_ENDIAN);
        proto_tree_add_item(tree, f_.item_length, tvb, at(piece.offset + 2), 2, ENC_BIG_ENDIAN);
    }

    // Wireshark's own reassembly summary ("[2 Item fragments (40000 bytes):
    // #86(32767), #86(7233)]"), from the fragments the parser joined.
    void render_reassembly(proto_tree *tree, tvbuff_t *content, const Item &item) {
        auto *head = wmem_new0(pinfo_->pool, fragment_head);
        // From 4.2 on fragment_head is its own type; both start with `next`.
        fragment_item **link = &head->next;
        guint32 offset = 0;
        for (const Fragment &piece : r_.fragments_of(item)) {
            auto *fragment = wmem_new0(pinfo_->pool, fragment_item);
            fragment->frame = pinfo_->num;
            fragment->offset = offset;
            fragment->len = static_cast<guint32>(piece.available);
            offset += fragment->len;
            *link = fragment;
            link = &fragment->next;
        }
        proto_item *summary = nullptr;
        show_fragment_tree(head, &f_.reassembly, tree, pinfo_, content, &summary);
    }

    void render_attribute(proto_tree *tree, tvbuff_t *tvb, const Item &item) {
        const AttrType type = item.attribute->type;
        const auto offset = at(item.value_offset);
        const auto length = at(item.value_length);
        // Name and type on one line; the type field is there for filters.
        proto_item *name = proto_tree_add_string(tree, f_.attr_name, tvb, offset, 0, item.attribute->name.c_str());
        proto_item_append_text(name, " (%s)", attr_type_name(type));
        proto_item_set_generated(name);
        proto_item_set_hidden(proto_tree_add_uint(tree, f_.attr_type, tvb, offset, 0, static_cast<guint32>(type)));
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
            case AttrType::StringList:
                for (std::size_t at = 0; const auto entry = next_list_string(value, at);)
                    proto_tree_add_item(tree, hf, tvb, offset + static_cast<gint>(entry->data() - value.data()),
                                        static_cast<gint>(entry->size()), ENC_UTF_8);
                break;
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
        content_kind(item.spec->kind).render(tree, tvb, view(item), f_.value_field(*item.spec));
    }

    // Wireshark throws once a packet's tree holds more than
    // gui.max_tree_items items; stop short of it, once, with an expert info.
    bool room_for(guint items) {
        if (full_) return false;
        if (message_tree_ == nullptr || PTREE_DATA(message_tree_)->count + items + kReserve <= prefs.gui_max_tree_items)
            return true;
        full_ = true;
        proto_tree_add_expert_format(message_tree_, pinfo_, f_.expert_for(DiagKind::TooManyItems), sources_[kInput], 0,
                                     0,
                                     "Too many items to show: %zu of %zu items shown, the packet's tree is near "
                                     "Wireshark's limit of %u items (gui.max_tree_items)",
                                     shown_items_, total_items_, prefs.gui_max_tree_items);
        return false;
    }

    // Tree items an item adds at most, its own subtree excluded.
    guint cost(const Item &item) const {
        const bool lists = item.spec->kind == ContentKind::TagList ||
                           (item.attribute != nullptr && item.attribute->type == AttrType::StringList);
        return kItemCost + kFragmentCost * item.fragment_count +
               (lists ? static_cast<guint>(item.value_length / 2) : 0);
    }

    void render_item(std::uint32_t index, proto_tree *parent) {
        const Item &item = r_.items[index];
        if (!room_for(cost(item))) return;
        ++shown_items_;
        tvbuff_t *header_tvb = source(item.header_source, item);
        const auto pieces = r_.fragments_of(item);
        const std::size_t start = pieces.front().offset;
        const std::size_t end = pieces.back().offset + kHeaderLength + pieces.back().available;
        proto_item *node = proto_tree_add_item(parent, f_.item, header_tvb, at(start), at(end - start), ENC_NA);
        // Labels cost formatting on every item: only a tree someone sees needs them.
        if (node != nullptr && PTREE_DATA(node)->visible) proto_item_set_text(node, "%s", label(item));
        proto_tree *tree = proto_item_add_subtree(node, f_.item_subtree(*item.spec));
        trees_[index] = tree;
        render_header(tree, header_tvb, item);
        tvbuff_t *content_tvb = source(item.content_source, item);
        if (item.fragment_count > 1) render_reassembly(tree, content_tvb, item);
        // Fields follow the wire order: SignatureControlInfo's KeyID comes
        // before its raw signature, every other value before the children.
        const bool children_first = item.spec->kind == ContentKind::SignatureControl;
        if (!children_first) render_value(tree, content_tvb, item);
        if (item.embedded >= 0) render_embedded(tree, item);
        if (item.spec->layout == Layout::DualForm && item.form != Form::None) {
            proto_item_set_hidden(
                proto_tree_add_uint(tree, f_.form, content_tvb, 0, 0, static_cast<guint32>(item.form)));
            if (item.form == Form::Count)
                proto_tree_add_item(tree, f_.count, content_tvb,
                                    at(item.content_offset + prefix_length(item.spec->kind)), 2, ENC_BIG_ENDIAN);
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
                proto_item *group =
                    proto_tree_add_item(message_tree_, f_.ignored, sources_[kInput], at(r_.message_length),
                                        at(r_.consumed - r_.message_length), ENC_NA);
                ignored = proto_item_add_subtree(group, f_.ett_ignored);
            }
            render_item(c, ignored);
        }
    }

    // The data sources render_item would add, in its order, and nothing else.
    void add_sources(std::uint32_t index) {
        const Item &item = r_.items[index];
        source(item.header_source, item);
        source(item.content_source, item);
        if (item.embedded >= 0) {
            const Embedded &embedded = r_.embedded[static_cast<std::size_t>(item.embedded)];
            render_message(source(embedded.source, item), pinfo_, nullptr, *embedded.message,
                           r_.buffers[embedded.source - 1]);
        }
        for (std::uint32_t c = item.first_child; c != kNoItem; c = r_.items[c].next_sibling) add_sources(c);
    }

    void report_all() {
        for (const Diagnostic &d : r_.diagnostics) {
            if (!room_for(kExpertCost)) return;
            proto_tree *tree = d.item != kNoItem && trees_[d.item] != nullptr ? trees_[d.item] : message_tree_;
            const Item *owner = d.item != kNoItem ? &r_.items[d.item] : nullptr;
            tvbuff_t *tvb = d.source == kInput || owner == nullptr ? sources_[kInput] : source(d.source, *owner);
            proto_tree_add_expert_format(tree, pinfo_, f_.expert_for(d.kind), tvb, at(d.offset), at(d.length), "%s",
                                         d.message.c_str());
        }
    }

    packet_info *pinfo_;
    const ParseResult &r_;
    std::span<const std::uint8_t> input_;
    Fields &f_;
    std::vector<tvbuff_t *> sources_;
    std::vector<proto_tree *> trees_;
    proto_tree *message_tree_ = nullptr;
    bool full_ = false;
    std::size_t shown_items_ = 0;
    std::size_t total_items_ = 0;
};

}  // namespace

void render_message(tvbuff_t *tvb, packet_info *pinfo, proto_tree *tree, const ParseResult &result,
                    std::span<const std::uint8_t> input) {
    // No tree, no data source and no expert to add: nothing would outlive it.
    if (tree == nullptr && result.buffers.empty() && result.diagnostics.empty()) return;
    pool_make<Renderer>(pinfo->pool, tvb, pinfo, result, input)->run(tree);
}

// Short, for the Info column: the Referral's target and other detail are in
// the tree. Built by appending (no printf): it is on every message.
const char *message_summary(packet_info *pinfo, const ParseResult &result, std::span<const std::uint8_t> input) {
    wmem_strbuf_t *line = wmem_strbuf_new(pinfo->pool, "");
    if (result.role == Role::Request) {
        const Item *uri = result.find(kTagBaseUri);
        wmem_strbuf_append(line, "Request ");
        wmem_strbuf_append(line, uri ? label_text(pinfo, result.value(*uri, input)) : "(no BaseURI)");
    } else {
        const Item *status = result.find(kTagStatus);
        wmem_strbuf_append(line, "Response: ");
        if (status != nullptr)
            append_status_detail(line, pinfo, *status, result.value(*status, input));
        else
            wmem_strbuf_append(line, "(no Status)");
    }
    if (result.form == Form::Nested) wmem_strbuf_append(line, " [1999 form]");
    if (result.has_errors()) wmem_strbuf_append(line, " [Malformed]");
    return wmem_strbuf_finalize(line);
}

}  // namespace rescap
