// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/rules.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <string>

namespace rescap {
namespace {

class RuleChecker {
public:
    RuleChecker(ParseResult &result, const ParseOptions &options) : r_(result), options_(options) {}

    void run() {
        const ItemType own = r_.role == Role::Request ? ItemType::Request : ItemType::Response;
        for (std::uint32_t i = 0; i < r_.items.size(); ++i) {
            if (r_.items[i].ignored) continue;
            check_children(i, own);
            check_siblings_of_referral_and_encryption(i);
        }
        if (r_.role == Role::Request)
            check_request();
        else
            check_response();
    }

private:
    template <typename F>
    void for_each_child(std::uint32_t parent, F &&visit) const {
        for (std::uint32_t c = r_.items[parent].first_child; c != kNoItem; c = r_.items[c].next_sibling)
            if (!r_.items[c].ignored) visit(c, r_.items[c]);
    }

    void report(DiagKind kind, std::uint32_t index, std::string message = {}) {
        const Item &item = r_.items[index];
        if (message.empty()) message = diagnostic_spec(kind).summary;
        const Fragment &first = r_.fragments[item.first_fragment];
        r_.diagnostics.push_back(Diagnostic{kind, index, item.header_source, first.offset,
                                            kHeaderLength + std::min<std::size_t>(first.length, first.available),
                                            std::move(message)});
    }

    static std::string describe(const char *what, const Item &child, const Item &parent) {
        char buffer[200];
        std::snprintf(buffer, sizeof buffer, "%s %s (%s-type) inside %s", what,
                      std::string(tag_name(child.tag)).c_str(), item_type_name(child.spec->type), parent.spec->name);
        return buffer;
    }

    // What a container may hold: its registry list, or items of the
    // message's own type (never another FullRequest/FullResponse).
    void check_children(std::uint32_t parent, ItemType own) {
        const Item &container = r_.items[parent];
        const auto allowed = container.spec->children;
        for_each_child(parent, [&](std::uint32_t index, const Item &child) {
            if (child.spec == &unknown_item()) return;  // reported as unknown already
            if (!allowed.empty()) {
                if (std::find(allowed.begin(), allowed.end(), child.tag) == allowed.end())
                    report(DiagKind::UnexpectedChild, index, describe("Unexpected", child, container));
                return;
            }
            if (container.spec->kind == ContentKind::SignatureControl) return;  // its KeyID is part of it
            const bool nested_message = child.tag == kTagFullRequest || child.tag == kTagFullResponse;
            if (child.spec->type != own || nested_message)
                report(DiagKind::WrongItemType, index, describe("Wrong item", child, container));
        });
    }

    // A Referral's or an EncryptedResponse's siblings may only be Status
    // items (and more of the same).
    void check_siblings_of_referral_and_encryption(std::uint32_t parent) {
        bool referral = false, encrypted = false;
        for_each_child(parent, [&](std::uint32_t, const Item &child) {
            referral |= child.tag == kTagReferral;
            encrypted |= child.tag == kTagEncryptedResponse;
        });
        if (!referral && !encrypted) return;
        for_each_child(parent, [&](std::uint32_t index, const Item &child) {
            if (child.tag == kTagStatus) return;
            if (referral && child.tag != kTagReferral)
                report(DiagKind::ReferralNotAlone, index,
                       "Response with a Referral also holds " + std::string(tag_name(child.tag)));
            if (encrypted && child.tag != kTagEncryptedResponse)
                report(DiagKind::EncryptedNotAlone, index,
                       "Response with an EncryptedResponse also holds " + std::string(tag_name(child.tag)));
        });
    }

    void check_request() {
        std::array<unsigned, kLastRegisteredTag + 1> seen{};
        for_each_child(0, [&](std::uint32_t index, const Item &child) {
            if (child.tag > kLastRegisteredTag || child.spec == &unknown_item()) return;
            const unsigned times = ++seen[child.tag];
            if (times < 2) return;
            if (child.tag == kTagBaseUri)
                report(DiagKind::BaseUriMultiple, index, "Request holds more than one BaseURI");
            else if (child.spec->type == ItemType::Request)
                report(DiagKind::DuplicateItem, index,
                       std::string(tag_name(child.tag)) + " appears more than once in the request");
        });
        if (seen[kTagBaseUri] == 0) report(DiagKind::BaseUriMissing, 0);
        if (!options_.cleartext) return;
        for (std::uint32_t i = 0; i < r_.items.size(); ++i)
            if (r_.items[i].tag == kTagAuthInTheClear && !r_.items[i].ignored) report(DiagKind::CleartextCredential, i);
    }

    void check_response() {
        bool status = false;
        unsigned default_key_ids = 0;
        for (std::uint32_t i = 0; i < r_.items.size(); ++i) {
            const Item &item = r_.items[i];
            if (item.ignored) continue;
            status |= item.tag == kTagStatus;
            if (item.tag != kTagDefaultKeyId) continue;
            const std::uint16_t parent_tag = item.parent == kNoItem ? 0 : r_.items[item.parent].tag;
            const bool at_top = item.parent == 0 || parent_tag == kTagEncryptedResponse;
            if (++default_key_ids > 1)
                report(DiagKind::DefaultKeyId, i, "DefaultKeyID appears more than once");
            else if (!at_top)
                report(DiagKind::DefaultKeyId, i,
                       "DefaultKeyID inside " + std::string(tag_name(parent_tag)) +
                           "; it belongs at the top of a FullResponse or EncryptedResponse");
        }
        // Status may sit inside a SignedResponse: it still answers the request.
        if (!status) report(DiagKind::StatusMissing, 0);
    }

    ParseResult &r_;
    const ParseOptions &options_;
};

}  // namespace

void check_rules(ParseResult &result, const ParseOptions &options) {
    if (result.items.empty()) return;
    RuleChecker(result, options).run();
}

}  // namespace rescap
