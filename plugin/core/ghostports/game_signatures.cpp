// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/game_signatures.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/ghostports/wire_reading.hpp"

namespace ghostports::framed {
namespace {

using std::string_view;

// What ends a command word: its arguments or the packet.
bool command_end(Payload p, std::size_t at) {
    return at == p.size() || p[at] == '\n' || p[at] == ' ' || p[at] == 0 || p[at] == '\\';
}

}  // namespace

bool quake_out_of_band(Payload p) {
    // text commands ("connect" carries a Huffman-coded userinfo in ioquake3: not read)
    static constexpr string_view kCommands[] = {
        "getstatus",     "getinfo",   "getchallenge",      "disconnect",         "print", "getservers",
        "getserversExt", "heartbeat", "challengeResponse", "getserversResponse", "rcon"};
    static constexpr string_view kAnswers[] = {"statusResponse", "infoResponse"};  // followed by an info string
    if (p.size() < 8 || p[0] != 0xff || p[1] != 0xff || p[2] != 0xff || p[3] != 0xff) return false;
    for (string_view answer : kAnswers)
        if (has_at(p, 4, answer) && p.size() > 4 + answer.size() + 2 && p[4 + answer.size()] == '\n')
            return p[4 + answer.size() + 1] == '\\' && no_controls(p.subspan(4 + answer.size() + 1), true);
    return std::any_of(std::begin(kCommands), std::end(kCommands), [p](string_view command) {
        return has_at(p, 4, command) && command_end(p, 4 + command.size()) &&
               no_controls(p.subspan(4 + command.size()), true);
    });
}

bool source_info_query(Payload p) {
    static constexpr string_view kSourceInfoQuery("\xff\xff\xff\xffTSource Engine Query\0", 25);
    return has_at(p, 0, kSourceInfoQuery) && (p.size() == 25 || p.size() == 29);  // with a challenge since 2020
}

bool minetest_packet(Payload p) {
    if (p.size() < 8 || be32(p, 0) != 0x4f457403 || p[6] > 2) return false;
    const unsigned type = p[7];
    switch (type) {
        case 0:  // control: ack (seqnum), set peer id (peer id), ping, disconnect
            if (p.size() < 9 || p[8] > 3) return false;
            return p.size() == (p[8] <= 1 ? 11u : 9u);
        case 1: return p.size() > 8;  // original: a command
        case 2:                       // split: seqnum, chunk count, chunk number < count
            return p.size() > 14 && be16(p, 10) > 0 && be16(p, 12) < be16(p, 10);
        case 3:  // reliable: seqnum, then an inner packet of type 0-2
            return p.size() > 11 && p[10] <= 2;
        default: return false;
    }
}

}  // namespace ghostports::framed
