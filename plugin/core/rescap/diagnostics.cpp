// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/rescap/diagnostics.hpp"

#include <array>

namespace rescap {
namespace {

using enum DiagKind;
using enum Severity;
using enum Group;

constexpr std::array kDiagnostics{
    DiagSpec{Truncated, "truncated", Error, Malformed, "Item runs past the end of the data"},
    DiagSpec{FragmentMismatch, "fragment_mismatch", Error, Malformed, "Fragment followed by an item with another tag"},
    DiagSpec{FragmentUnterminated, "fragment_unterminated", Error, Malformed, "Continuation marker on the last item"},
    DiagSpec{CountShort, "count_short", Error, Malformed, "Fewer items than the count announced"},
    DiagSpec{BadContainerLength, "bad_container_length", Error, Malformed, "Container length fits neither draft form"},
    DiagSpec{ContentShort, "content_short", Error, Malformed, "Content shorter than its fixed part"},
    DiagSpec{ItemsToReturnOdd, "items_to_return_odd", Error, Malformed, "ItemsToReturn length is odd"},
    DiagSpec{TooDeep, "too_deep", Error, Malformed, "Items nested too deeply to decode"},
    DiagSpec{MessageTooLong, "message_too_long", Error, Malformed,
             "Message longer than the maximum message size preference: shown as far as it went"},
    DiagSpec{BadTimestamp, "bad_timestamp", Warning, Protocol, "Timestamp is not a valid YYYYMMDDHHMMSS"},
    DiagSpec{KeyIdLength, "key_id_length", Warning, Protocol, "KeyID is not 8 octets"},
    DiagSpec{NonceShort, "nonce_short", Warning, Protocol, "Nonce is shorter than 8 octets"},
    DiagSpec{StatusUnknown, "status_unknown", Warning, Protocol, "Status code not defined by the drafts"},
    DiagSpec{TextNotUtf8, "text_not_utf8", Warning, Protocol, "Text is not valid UTF-8"},
    DiagSpec{CleartextCredential, "cleartext_credential", Warning, Security,
             "AuthInTheClear in basic form: the credential crosses the network in cleartext"},
    DiagSpec{BaseUriMissing, "base_uri_missing", Warning, Protocol, "Request has no BaseURI"},
    DiagSpec{BaseUriMultiple, "base_uri_multiple", Warning, Protocol, "Request has more than one BaseURI"},
    DiagSpec{DuplicateItem, "duplicate_item", Warning, Protocol, "Request item appears more than once"},
    DiagSpec{WrongItemType, "wrong_item_type", Warning, Protocol, "Item of the wrong type for its container"},
    DiagSpec{StatusMissing, "status_missing", Warning, Protocol, "Response has no Status item"},
    DiagSpec{ReferralNotAlone, "referral_not_alone", Warning, Protocol,
             "Response with a Referral holds an item other than Status"},
    DiagSpec{EncryptedNotAlone, "encrypted_not_alone", Warning, Protocol,
             "Response with an EncryptedResponse holds an item other than Status"},
    DiagSpec{DefaultKeyId, "default_key_id", Warning, Protocol,
             "DefaultKeyID repeated or not at the top of a FullResponse/EncryptedResponse"},
    DiagSpec{AuthIpContent, "auth_ip_content", Warning, Protocol, "AuthIP carries content; it must be empty"},
    DiagSpec{UnexpectedChild, "unexpected_child", Warning, Protocol, "Item not allowed inside this container"},
    DiagSpec{NotRescap, "not_rescap", Warning, Protocol, "Payload is not rescap"},
    DiagSpec{BadUrl, "bad_url", Warning, Protocol, "rescap URL does not carry a decodable request"},
    DiagSpec{AttributeValue, "attribute_value", Warning, Protocol, "Attribute value does not fit its declared type"},
    DiagSpec{TooManyItems, "too_many_items", Warning, Undecoded,
             "Too many items to show: the rest of the message is not in the tree"},
    DiagSpec{StreamGap, "stream_gap", Warning, Sequence, "TCP data missing inside a message: shown as far as it went"},
    DiagSpec{MessageIncomplete, "message_incomplete", Warning, Sequence,
             "The rest of this message never arrived (the TCP stream or the capture ended inside it, or TCP "
             "kept its segments back): shown as far as it went"},
    DiagSpec{BeyondCount, "beyond_count", Note, Sequence, "Items beyond the message's count are ignored"},
    DiagSpec{UnknownTag, "unknown_tag", Note, Undecoded, "Unknown tag, item skipped"},
    DiagSpec{RetransmittedRequest, "retransmitted_request", Note, Sequence,
             "Retransmitted request: the same request is still unanswered"},
    DiagSpec{RetransmittedResponse, "retransmitted_response", Note, Sequence,
             "Duplicated response: the same answer was already seen"},
    DiagSpec{Resynchronised, "resynchronised", Note, Sequence, "Octets skipped up to the next plausible message start"},
};

constexpr bool indexed_by_kind() {
    for (std::size_t i = 0; i < kDiagnostics.size(); ++i)
        if (static_cast<std::size_t>(kDiagnostics[i].kind) != i) return false;
    return kDiagnostics.size() == static_cast<std::size_t>(Count_);
}
static_assert(indexed_by_kind(), "diagnostic table rows must follow DiagKind order");

}  // namespace

std::span<const DiagSpec> diagnostic_registry() {
    return kDiagnostics;
}

const DiagSpec &diagnostic_spec(DiagKind kind) {
    return kDiagnostics[static_cast<std::size_t>(kind)];
}

}  // namespace rescap
