// SPDX-License-Identifier: GPL-2.0-or-later
// libFuzzer target for the rescap value recognisers the glue also calls on
// raw item values and user input: URLs and their base64 request, 14-digit
// timestamps, UTF-8 / printable text, typed attribute values and List of
// strings entries, attribute-table fields. The input is one value, given to
// each. Checks: the URL's parts are views into the text; base64 decodes to
// exactly 3 octets per 4 characters (padding aside); a timestamp is 14
// digits and lies between years 0 and 9999; printable text is valid UTF-8;
// a list's entries tile the value; a parsed tag is private-use; a parsed
// type's name is the text; failures say why.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/rescap/attributes.hpp"
#include "core/rescap/registry.hpp"
#include "core/rescap/text.hpp"
#include "core/rescap/timestamp.hpp"
#include "core/rescap/url.hpp"
#include "harness.hpp"

namespace {

// 0000-01-01T00:00:00 and 9999-12-31T23:59:60 in Unix seconds.
constexpr std::int64_t kFirstSecond = -62167219200;
constexpr std::int64_t kLastSecond = 253402300800;

void check_base64(std::string_view text) {
    const auto decoded = rescap::decode_base64(text);
    if (!decoded) return;
    while (!text.empty() && text.back() == '=') text.remove_suffix(1);
    static constexpr std::size_t kTail[] = {0, 0, 1, 2};  // octets of a final 0-3 characters
    FUZZ_CHECK(text.size() % 4 != 1, text.size());
    FUZZ_CHECK(decoded->size() == text.size() / 4 * 3 + kTail[text.size() % 4], decoded->size(), text.size());
}

void check_url(std::string_view text) {
    const auto url = rescap::split_rescap_url(text);
    if (!url) return;
    FUZZ_CHECK(!url->scheme.empty() && text.substr(0, url->scheme.size()) == url->scheme, url->scheme.size());
    FUZZ_CHECK(fuzz::inside(url->host, text) && fuzz::inside(url->encoded, text));
    fuzz::touch(url->host);
    fuzz::touch(url->encoded);
    check_base64(url->encoded);
}

void check_timestamp(fuzz::Bytes digits) {
    const auto seconds = rescap::parse_timestamp(digits);
    if (!seconds) return;
    FUZZ_CHECK(digits.size() == rescap::kTimestampLength, digits.size());
    for (const std::uint8_t c : digits) FUZZ_CHECK(c >= '0' && c <= '9', c);
    FUZZ_CHECK(*seconds >= kFirstSecond && *seconds <= kLastSecond);
}

void check_attributes(fuzz::Bytes value) {
    std::vector<fuzz::Bytes> strings;
    const bool list = rescap::split_string_list(value, strings);
    // next_list_string walks the same entries; they tile the value.
    std::size_t at = 0;
    std::size_t entries = 0;
    while (const auto entry = rescap::next_list_string(value, at)) {
        FUZZ_CHECK(entry->data() == value.data() + at - entry->size(), at);
        FUZZ_CHECK(at <= value.size(), at, value.size());
        if (list) FUZZ_CHECK(entries < strings.size() && entry->data() == strings[entries].data(), entries);
        fuzz::touch(*entry);
        ++entries;
        if (at == value.size()) break;
    }
    if (list) FUZZ_CHECK(entries == strings.size() && (at == value.size() || value.empty()), entries, strings.size());
    for (const rescap::AttrType type : rescap::kAttrTypes) {
        const bool fits = rescap::attribute_value_fits(type, value);
        FUZZ_CHECK(rescap::attr_type_name(type) != nullptr);
        if (type == rescap::AttrType::StringList && fits) FUZZ_CHECK(list);
        if (type == rescap::AttrType::String) FUZZ_CHECK(fits == rescap::is_valid_utf8(value));
        if (type == rescap::AttrType::Octets) FUZZ_CHECK(fits);
    }

    const std::string_view text = fuzz::as_text(value);
    std::string error;
    const auto tag = rescap::parse_attribute_tag(text, error);
    if (tag)
        FUZZ_CHECK(*tag >= rescap::kPrivateRequestFirst, *tag);
    else
        FUZZ_CHECK(!error.empty());
    error.clear();
    const auto type = rescap::parse_attribute_type(text, error);
    if (type)
        FUZZ_CHECK(text == rescap::attr_type_name(*type));
    else
        FUZZ_CHECK(!error.empty());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size) {
    const fuzz::Bytes value(data, size);
    const std::string_view text = fuzz::as_text(value);

    const bool utf8 = rescap::is_valid_utf8(value);
    if (rescap::is_printable_text(value)) FUZZ_CHECK(utf8 && size > 0, size);

    check_url(text);
    check_base64(text);
    check_timestamp(value);
    if (size >= rescap::kTimestampLength) check_timestamp(value.first(rescap::kTimestampLength));
    check_attributes(value);
    return 0;
}
