// SPDX-License-Identifier: GPL-2.0-or-later
#include "core/ghostports/game_signatures.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

#include "core/ghostports/text_grammar.hpp"
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

namespace {

// --- ENet -------------------------------------------------------------------------------------

enum EnetCommand : unsigned {
    kAcknowledge = 1,
    kConnect = 2,
    kVerifyConnect = 3,
    kDisconnect = 4,
    kPing = 5,
    kSendReliable = 6,
    kSendUnreliable = 7,
    kSendFragment = 8,
    kSendUnsequenced = 9,
    kBandwidthLimit = 10,
    kThrottleConfigure = 11,
    kSendUnreliableFragment = 12,
};

// Each command's fixed size (with its 4-octet command header), and where its data length is (0: none).
struct EnetCommandShape {
    std::size_t size;
    std::size_t data_length_at;
};
constexpr EnetCommandShape kEnetShapes[] = {{0, 0}, {8, 0},  {48, 0}, {44, 0}, {8, 0},  {4, 0}, {6, 4},
                                            {8, 6}, {24, 6}, {8, 6},  {12, 0}, {16, 0}, {24, 6}};
constexpr std::size_t kMaxEnetCommands = 32;  // ENET_PROTOCOL_MAXIMUM_PACKET_COMMANDS

// CONNECT / VERIFY_CONNECT: the MTU, window size and channel count ENet accepts.
bool enet_connect_fields(Payload p, std::size_t at) {
    const std::uint32_t mtu = be32(p, at + 8), window = be32(p, at + 12), channels = be32(p, at + 16);
    return mtu >= 576 && mtu <= 4096 && window >= 4096 && window <= 65536 && (window & (window - 1)) == 0 &&
           channels >= 1 && channels <= 255;
}

}  // namespace

bool enet_packet(Payload p) {
    if (p.size() < 4 || (p[0] & 0x40) != 0) return false;  // compressed commands are not read
    const bool sent_time = p[0] & 0x80;
    std::size_t at = sent_time ? 4 : 2;
    bool connect = false;
    for (std::size_t count = 0; at < p.size(); ++count) {
        if (count == kMaxEnetCommands || p.size() - at < 4) return false;
        const unsigned command = p[at] & 0x0f;
        if ((p[at] & 0x30) != 0 || command == 0 || command > kSendUnreliableFragment) return false;
        const EnetCommandShape shape = kEnetShapes[command];
        if (p.size() - at < shape.size) return false;
        std::size_t size = shape.size;
        if (shape.data_length_at != 0) size += be16(p, at + shape.data_length_at);
        if (size > p.size() - at) return false;
        if (command == kConnect || command == kVerifyConnect) {
            if (p[at + 1] != 0xff || !enet_connect_fields(p, at)) return false;  // on no channel
            connect = true;
        }
        at += size;
    }
    return connect;
}

namespace {

// --- TetriNET ---------------------------------------------------------------------------------

int hex_value(std::uint8_t c) {
    return text::hex_value(static_cast<char>(c));
}

// The key octets "tetrisstart " or "tetrifaster " give at each of the first twelve positions: digits
// repeating with a period of 1-5 (the server address's number written in decimal).
bool tetrinet_key(const std::uint8_t (&decoded)[13], string_view plain) {
    char key[12];
    for (std::size_t i = 0; i < 12; ++i) {
        const int k = (decoded[i + 1] ^ decoded[i]) - static_cast<std::uint8_t>(plain[i]);
        if (k < '0' || k > '9') return false;
        key[i] = static_cast<char>(k);
    }
    for (std::size_t period = 1; period <= 5; ++period) {
        bool repeats = true;
        for (std::size_t i = period; i < 12 && repeats; ++i) repeats = key[i] == key[i - period];
        if (repeats) return true;
    }
    return false;
}

}  // namespace

bool tetrinet_login(Payload p) {
    if (p.size() < 2 * 14 + 1 || p.size() > 2 * 128 + 1 || p.back() != 0xff || (p.size() - 1) % 2 != 0) return false;
    for (std::size_t i = 0; i + 1 < p.size(); ++i)
        if (hex_value(p[i]) < 0) return false;
    std::uint8_t decoded[13];
    for (std::size_t i = 0; i < 13; ++i)
        decoded[i] = static_cast<std::uint8_t>(hex_value(p[2 * i]) << 4 | hex_value(p[2 * i + 1]));
    return tetrinet_key(decoded, "tetrisstart ") || tetrinet_key(decoded, "tetrifaster ");
}

bool tetrinet_server_messages(Payload p) {
    // What a server says first (a client's field updates, f / sb / lvl, are not read: short words of any text)
    static constexpr string_view kWords[] = {"playernum",  "winlist",   "playerjoin", "playerleave", "team",
                                             "pline",      "plineact",  "newgame",    "endgame",     "ingame",
                                             "pause",      "playerwon", "playerlost", "gmsg",        "noconnecting",
                                             "playerkick", ")#)(!@(*3"};
    std::size_t at = 0, count = 0;
    while (at < p.size()) {
        if (count == 64) return false;
        std::size_t end = at;
        while (end < p.size() && p[end] != 0xff) ++end;
        if (end == p.size()) return false;  // every message ends with 0xFF
        const string_view message = text_at(p, at, end - at);
        const string_view word = message.substr(0, message.find(' '));
        if (std::find(std::begin(kWords), std::end(kWords), word) == std::end(kWords) ||
            !printable(p.subspan(at, end - at)))
            return false;
        at = end + 1;
        ++count;
    }
    return count > 0;
}

bool raknet_offline(Payload p) {
    static constexpr std::uint8_t kMagic[] = {0x00, 0xff, 0xff, 0x00, 0xfe, 0xfe, 0xfe, 0xfe,
                                              0xfd, 0xfd, 0xfd, 0xfd, 0x12, 0x34, 0x56, 0x78};
    const auto magic_at = [p](std::size_t at) {
        return p.size() >= at + sizeof kMagic && std::equal(std::begin(kMagic), std::end(kMagic), p.begin() + at);
    };
    if (p.empty()) return false;
    switch (p[0]) {
        case 0x01:  // unconnected ping: time (8), magic, client guid (8)
        case 0x02: return p.size() == 33 && magic_at(9);
        case 0x1c:  // unconnected pong: time, server guid, magic, a string of its length
            return p.size() >= 35 && magic_at(17) && be16(p, 33) == p.size() - 35 && no_controls(p.subspan(35));
        case 0x05:  // open connection request 1: magic, protocol version, zeros to the MTU
            return p.size() >= 18 && p.size() <= 1500 && magic_at(1) && p[17] >= 4 && p[17] <= 20 &&
                   all_zero(p.subspan(18));
        case 0x06:  // open connection reply 1: magic, server guid, security, MTU
            return p.size() >= 28 && magic_at(1) && p[25] <= 1 && be16(p, p.size() - 2) >= 400 &&
                   be16(p, p.size() - 2) <= 1500;
        case 0x07:  // open connection request 2: magic, the server's address (4 or 6), MTU, client guid
            return (p.size() == 34 || p.size() == 56) && magic_at(1) && (p[17] == 4 || p[17] == 6) &&
                   be16(p, p.size() - 10) >= 400 && be16(p, p.size() - 10) <= 1500;
        case 0x08:  // open connection reply 2: magic, server guid, the client's address, MTU, encryption
            return (p.size() == 35 || p.size() == 57) && magic_at(1) && (p[25] == 4 || p[25] == 6) &&
                   be16(p, p.size() - 3) >= 400 && be16(p, p.size() - 3) <= 1500 && p.back() <= 1;
        default: return false;
    }
}

}  // namespace ghostports::framed
