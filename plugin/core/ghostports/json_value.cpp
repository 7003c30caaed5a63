// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/json_value.hpp"

namespace ghostports::json {
namespace {

using std::size_t;
using std::string_view;

constexpr int kMaxDepth = 64;

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_hex(char c) {
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// RFC 8259 7: '"', characters (no control octet), escapes, '"'.
bool read_string(string_view s, size_t &at, string_view &content) {
    if (at >= s.size() || s[at] != '"') return false;
    const size_t begin = ++at;
    while (at < s.size()) {
        const auto c = static_cast<unsigned char>(s[at]);
        if (c == '"') {
            content = s.substr(begin, at - begin);
            ++at;
            return true;
        }
        if (c < 0x20) return false;
        if (c == '\\') {
            if (++at >= s.size()) return false;
            const char e = s[at];
            if (e == 'u') {
                if (at + 4 >= s.size()) return false;
                for (size_t i = 1; i <= 4; ++i)
                    if (!is_hex(s[at + i])) return false;
                at += 4;
            } else if (string_view("\"\\/bfnrt").find(e) == string_view::npos) {
                return false;
            }
        }
        ++at;
    }
    return false;
}

size_t digits_end(string_view s, size_t at) {
    while (at < s.size() && is_digit(s[at])) ++at;
    return at;
}

// RFC 8259 6: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
bool read_number(string_view s, size_t &at) {
    if (at < s.size() && s[at] == '-') ++at;
    if (at >= s.size() || !is_digit(s[at])) return false;
    at = s[at] == '0' ? at + 1 : digits_end(s, at);
    if (at < s.size() && s[at] == '.') {
        const size_t fraction = at + 1;
        at = digits_end(s, fraction);
        if (at == fraction) return false;
    }
    if (at < s.size() && (s[at] == 'e' || s[at] == 'E')) {
        ++at;
        if (at < s.size() && (s[at] == '+' || s[at] == '-')) ++at;
        const size_t exponent = at;
        at = digits_end(s, exponent);
        if (at == exponent) return false;
    }
    return true;
}

bool read_literal(string_view s, size_t &at, string_view word) {
    if (s.substr(at, word.size()) != word) return false;
    at += word.size();
    return true;
}

bool read_value(string_view s, size_t &at, int depth, Kind &kind, string_view &content, Object *top);

// Members of an object or elements of an array, separated by ',' to the closing bracket.
bool read_container(string_view s, size_t &at, int depth, bool object, Object *top) {
    const char close = object ? '}' : ']';
    ++at;  // past '{' or '['
    at = skip_space(s, at);
    if (at < s.size() && s[at] == close) {
        ++at;
        return true;
    }
    while (at < s.size()) {
        string_view name;
        if (object) {
            if (!read_string(s, at, name)) return false;
            at = skip_space(s, at);
            if (at >= s.size() || s[at] != ':') return false;
            at = skip_space(s, at + 1);
        }
        Kind kind{};
        string_view content;
        if (!read_value(s, at, depth + 1, kind, content, nullptr)) return false;
        if (top != nullptr) {
            if (top->count < Object::kMaxMembers)
                top->members[top->count++] = Member{name, kind, content};
            else if (!top->keep_first_only)
                return false;
        }
        at = skip_space(s, at);
        if (at >= s.size()) return false;
        if (s[at] == close) {
            ++at;
            return true;
        }
        if (s[at] != ',') return false;
        at = skip_space(s, at + 1);
    }
    return false;
}

bool read_value(string_view s, size_t &at, int depth, Kind &kind, string_view &content, Object *top) {
    if (depth > kMaxDepth || at >= s.size()) return false;
    content = {};
    switch (s[at]) {
        case '{': kind = Kind::Object; return read_container(s, at, depth, true, top);
        case '[': kind = Kind::Array; return read_container(s, at, depth, false, nullptr);
        case '"': kind = Kind::String; return read_string(s, at, content);
        case 't': kind = Kind::Boolean; return read_literal(s, at, "true");
        case 'f': kind = Kind::Boolean; return read_literal(s, at, "false");
        case 'n': kind = Kind::Null; return read_literal(s, at, "null");
        default: kind = Kind::Number; return read_number(s, at);
    }
}

}  // namespace

const Member *Object::find(string_view name) const {
    for (size_t i = 0; i < count; ++i)
        if (members[i].name == name) return &members[i];
    return nullptr;
}

size_t skip_space(string_view text, size_t at) {
    while (at < text.size() && (text[at] == ' ' || text[at] == '\t' || text[at] == '\n' || text[at] == '\r')) ++at;
    return at;
}

bool read_object(string_view text, size_t &at, Object &out) {
    if (at >= text.size() || text[at] != '{') return false;
    out.count = 0;
    Kind kind{};
    string_view content;
    return read_value(text, at, 0, kind, content, &out);
}

}  // namespace ghostports::json
