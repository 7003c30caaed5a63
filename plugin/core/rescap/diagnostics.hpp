// SPDX-License-Identifier: GPL-2.0-or-later
// What can be wrong or unusual in a rescap message: one table that the
// parser reports against and the glue registers as expert infos.
#pragma once

#include <cstdint>
#include <span>

namespace rescap {

enum class Severity : std::uint8_t { Chat, Note, Warning, Error };

// Which expert group a finding belongs to.
enum class Group : std::uint8_t { Malformed, Protocol, Security, Undecoded, Sequence };

enum class DiagKind : std::uint8_t {
    // malformed structure (errors)
    Truncated,
    FragmentMismatch,
    FragmentUnterminated,
    CountShort,
    BadContainerLength,
    ContentShort,
    ItemsToReturnOdd,
    TooDeep,
    MessageTooLong,
    // spec rules broken, exposures (warnings)
    BadTimestamp,
    KeyIdLength,
    NonceShort,
    StatusUnknown,
    TextNotUtf8,
    CleartextCredential,
    BaseUriMissing,
    BaseUriMultiple,
    DuplicateItem,
    WrongItemType,
    StatusMissing,
    ReferralNotAlone,
    EncryptedNotAlone,
    DefaultKeyId,
    AuthIpContent,
    UnexpectedChild,
    NotRescap,
    BadUrl,
    AttributeValue,
    TooManyItems,
    StreamGap,
    MessageIncomplete,
    // legal but unusual (notes)
    BeyondCount,
    UnknownTag,
    RetransmittedRequest,
    RetransmittedResponse,
    Resynchronised,
    Count_  // number of kinds; not a finding
};

struct DiagSpec {
    DiagKind kind;
    const char *name;  // expert name suffix: rescap.expert.<name>
    Severity severity;
    Group group;
    const char *summary;  // default message
};

std::span<const DiagSpec> diagnostic_registry();
const DiagSpec &diagnostic_spec(DiagKind kind);

}  // namespace rescap
