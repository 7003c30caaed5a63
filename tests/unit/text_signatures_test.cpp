// SPDX-License-Identifier: GPL-2.0-or-later
// The text rows (text_signatures.cpp): each grammar check, broken one at a
// time, leaves the payload unnamed. The positive cases are in
// signature_cases.hpp (signatures_test.cpp names each one).
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "builder.hpp"
#include "core/ghostports/signatures.hpp"

using ghostports::Sender;
using ghostports::Transport;
using rescap::test::Bytes;

namespace {

std::string name_of(std::string_view payload, Sender sender) {
    const Bytes octets(payload.begin(), payload.end());
    const auto *row = ghostports::match_signature(octets, Transport::Tcp, sender);
    return row != nullptr ? row->protocol : "";
}
std::string client(std::string_view payload) {
    return name_of(payload, Sender::Client);
}
std::string server(std::string_view payload) {
    return name_of(payload, Sender::Server);
}
using namespace std::string_view_literals;

}  // namespace

TEST(TextSignatures, RshAndRlogin) {
    EXPECT_EQ(client("1022\0root\0evaluser\0id\0"sv), "rsh");
    EXPECT_EQ(client("\0root\0evaluser\0ls -l\0"sv), "") << "no stderr channel: rlogin's shape, not its terminal";
    EXPECT_EQ(client("\0root\0evaluser\0xterm-256color/38400\0"sv), "rlogin");
    EXPECT_EQ(client("7\0root\0evaluser\0id\0"sv), "") << "stderr port below rresvport's 512";
    EXPECT_EQ(client("70000\0root\0evaluser\0id\0"sv), "") << "no such port";
    EXPECT_EQ(client("1022\0root\0evaluser\0id\0extra"sv), "") << "octets after the command";
    EXPECT_EQ(client("1022\0root\0evaluser\0id"sv), "") << "command not NUL-terminated";
    EXPECT_EQ(client("1022\0ro ot\0evaluser\0id\0"sv), "") << "a space in a user name";
    EXPECT_EQ(client("1022\0\0evaluser\0id\0"sv), "") << "empty local user";
    EXPECT_EQ(client("1022\0root\0evaluser\0\0"sv), "") << "empty command";
    EXPECT_EQ(client("1022\0root\0evaluser\0id\x01\0"sv), "") << "control octet in the command";
    EXPECT_EQ(client("\0root\0evaluser\0dumb/38401\0"sv), "") << "not a termios speed";
    EXPECT_EQ(client("\0root\0evaluser\0dumb/38400\0"sv), "rlogin");
    EXPECT_EQ(client("root\0evaluser\0dumb/38400\0"sv), "rlogin") << "after a NUL sent apart (glibc rcmd)";
    EXPECT_EQ(client("\0\0root\0evaluser\0dumb/38400\0"sv), "") << "two NULs first";
    EXPECT_EQ(client("root\0evaluser\0id\0"sv), "") << "three strings, no terminal: no rsh tail either";
    EXPECT_EQ(server("\0root\0evaluser\0dumb/38400\0"sv), "") << "a client's request";
    EXPECT_EQ(client("\0abcdefghijklmnopqrstuvwxyz0123456789\0evaluser\0dumb/38400\0"sv), "") << "user over 32";
}

TEST(TextSignatures, GopherMenu) {
    const std::string a = "0hello\t/hello.txt\t127.0.0.1\t403\r\n", b = "1docs\t/docs\tgopher.example\t70\r\n";
    EXPECT_EQ(server(a + b + ".\r\n"), "Gopher");
    EXPECT_EQ(server(a + b), "Gopher") << "cut by the segment's end after two lines";
    EXPECT_EQ(server(a + b + "0par"), "Gopher") << "cut mid-line";
    EXPECT_EQ(server(a + ".\r\n"), "") << "one item";
    EXPECT_EQ(server("iinfo\t\t\t0\r\niinfo\t\tnull.host\t1\r\n.\r\n"), "") << "no link, only info lines";
    EXPECT_EQ(server(a + "1docs\t/docs\tgopher.example\r\n.\r\n"), "") << "three fields";
    EXPECT_EQ(server(a + "1docs\t/docs\tgopher.example\t70000\r\n.\r\n"), "") << "port out of range";
    EXPECT_EQ(server(a + "1docs\t/docs\tgopher example\t70\r\n.\r\n"), "") << "space in the host";
    EXPECT_EQ(server(a + "Xdocs\t/docs\tgopher.example\t70\r\n.\r\n"), "") << "no such item type";
    EXPECT_EQ(server(a + "1docs\t/docs\tgopher.example\t70\n.\r\n"), "") << "LF without CR";
    EXPECT_EQ(server(a + b + ".\r\nmore"), "") << "text after the end";
    EXPECT_EQ(server(a + "1docs\t/docs\tgopher.example\t70\t+\r\n.\r\n"), "Gopher") << "Gopher+ field";
}

TEST(TextSignatures, GopherSelectorIsWeakAndLast) {
    EXPECT_EQ(client("/\r\n"), "Gopher");
    EXPECT_EQ(client("/docs/readme.txt\r\n"), "Gopher");
    EXPECT_EQ(client("/hello.txt"), "") << "no line end";
    EXPECT_EQ(client("/hello.txt\n"), "") << "LF without CR";
    EXPECT_EQ(client("/ATR\r\n"), "") << "an upper-case word";
    EXPECT_EQ(client("/ERSION-1.6.18\r\n"), "") << "a capital first: a command word with its first octet flipped";
    EXPECT_EQ(client("/search\tghost\r\n"), "") << "a search (TAB)";
    EXPECT_EQ(client("/W evaluser\r\n"), "") << "finger's /W";
    EXPECT_EQ(client("hello.txt\r\n"), "") << "not a path";
    EXPECT_EQ(client("/a.txt\r\n/b.txt\r\n"), "") << "two lines";
}

TEST(TextSignatures, SyslogOverTcp) {
    const std::string m1 = "<34>Oct 11 22:14:15 mymachine su: 'su root' failed";
    const std::string m2 = "<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time";
    const auto framed = [](const std::string &m) { return std::to_string(m.size()) + " " + m; };
    EXPECT_EQ(client(framed(m1)), "Syslog");
    EXPECT_EQ(client(framed(m1) + framed(m2)), "Syslog") << "two frames tiled";
    EXPECT_EQ(client(framed(m1) + framed(m2).substr(0, 40)), "Syslog") << "the last frame cut";
    EXPECT_EQ(client(std::to_string(m1.size() - 10) + " " + m1), "") << "MSG-LEN disagrees: the rest is no frame";
    EXPECT_EQ(client(std::to_string(m1.size() - 1) + " " + m1), "") << "MSG-LEN short: the rest is no frame";
    EXPECT_EQ(client("0" + framed(m1)), "") << "a leading zero";
    EXPECT_EQ(client(framed("<192>Oct 11 22:14:15 mymachine su: x")), "") << "PRI over 191";
    EXPECT_EQ(client(framed("<34>Oct 11 22:14 mymachine su: x")), "") << "no RFC 3164 time";
    EXPECT_EQ(client(framed("<34>2 2003-10-11T22:14:15.003Z host app - - - x")), "") << "version 2";
    EXPECT_EQ(client(m1 + "\n" + m1 + "\n"), "Syslog") << "non-transparent framing";
    EXPECT_EQ(client(m1 + "\nhello\n"), "") << "a line without <PRI>";
    EXPECT_EQ(client(m1 + "\n" + m1 + "\n\x01\x02"), "") << "binary after the lines";
    EXPECT_EQ(name_of(framed(m1), Sender::Server), "") << "a client's";
}

TEST(TextSignatures, Nut) {
    EXPECT_EQ(client("GET VAR dummy ups.status\n"), "NUT");
    EXPECT_EQ(client("USERNAME admin\nPASSWORD secret\nLIST UPS\n"), "NUT");
    EXPECT_EQ(client("INSTCMD dummy load.off\n"), "NUT");
    EXPECT_EQ(client("STARTTLS\n"), "") << "one keyword";
    EXPECT_EQ(client("USERNAME admin\n"), "") << "one keyword and a word";
    EXPECT_EQ(client("LIST VAR\n"), "") << "LIST VAR without its UPS";
    EXPECT_EQ(client("LIST VAR dummy extra\n"), "") << "one argument too many";
    EXPECT_EQ(client("GET VAR dummy status\n"), "") << "a variable is dotted";
    EXPECT_EQ(client("SET VAR dummy ups.delay.shutdown 30\n"), "") << "the value is quoted";
    EXPECT_EQ(client("SET VAR dummy ups.delay.shutdown \"30\n"), "") << "an open quote";
    EXPECT_EQ(client("LIST VAR dummy\nhello there\n"), "") << "a line of no command";
    EXPECT_EQ(client("LIST VARS dummy\n"), "");
    EXPECT_EQ(client("list var dummy\n"), "") << "commands are upper case";
    EXPECT_EQ(server("OK\n"), "") << "OK alone";
    EXPECT_EQ(server("ERR ACCESS-DENIED\n"), "NUT");
    EXPECT_EQ(server("ERR SOMETHING-ELSE\n"), "") << "no such error";
    EXPECT_EQ(server("ERR UNKNOWN_COMMAND\n"), "") << "Gearman's and beanstalkd's spelling";
    EXPECT_EQ(server("BEGIN LIST UPS\nUPS dummy \"Eval UPS\"\nEND LIST UPS\n"), "NUT");
    EXPECT_EQ(server("BEGIN LIST FOO dummy\n"), "");
    EXPECT_EQ(server("VAR dummy ups.status OL\n"), "") << "an unquoted value";
    EXPECT_EQ(server("VAR dummy ups.status \"OL\"\nthat was all\n"), "");
}

TEST(TextSignatures, Ident) {
    EXPECT_EQ(client("6191,23\n"), "ident");
    EXPECT_EQ(client("6191 , 23\r\n"), "ident");
    EXPECT_EQ(client("6191, 70000\r\n"), "") << "port out of range";
    EXPECT_EQ(client("0, 23\r\n"), "") << "port 0";
    EXPECT_EQ(client("6191, 23\r\n6192, 23\r\n"), "") << "two queries";
    EXPECT_EQ(client("6191; 23\r\n"), "");
    EXPECT_EQ(server("6193, 23 : USERID : UNIX,UTF-8 : stjohns\r\n"), "ident");
    EXPECT_EQ(server("6193, 23 : USERID : UNIX\r\n"), "") << "no user id";
    EXPECT_EQ(server("6193, 23 : USERID : UN IX : stjohns\r\n"), "") << "a space in the system";
    EXPECT_EQ(server("6195, 23 : ERROR : NO-SUCH-THING\r\n"), "") << "no such error";
    EXPECT_EQ(server("6195, 23 : FAILURE : NO-USER\r\n"), "");
    EXPECT_EQ(server("6195 : USERID : UNIX : x\r\n"), "") << "one port";
}

TEST(TextSignatures, Finger) {
    const std::string head = "Login: evaluser       \t\t\tName: rescap eval\r\n";
    EXPECT_EQ(server(head + "Directory: /home/evaluser    \tShell: /bin/bash\r\n"), "Finger");
    EXPECT_EQ(server(head), "") << "the Directory line missing";
    EXPECT_EQ(server(head + "Directory: home    \tShell: /bin/bash\r\n"), "") << "a relative home";
    EXPECT_EQ(server("Login: \t\t\tName: x\r\nDirectory: /home/x\tShell: /bin/sh\r\n"), "") << "no login";
    // RFC 1288 says CRLF; cfingerd ends its lines with LF alone (fresh4's capture).
    EXPECT_EQ(server(head + "Directory: /home/evaluser Shell: /bin/bash\n"), "Finger") << "LF without CR";
    // cfingerd's entry
    const std::string user = "Username: evaluser      In real life: rescap eval\n";
    EXPECT_EQ(server(user + "Home directory: /home/evaluser   Shell: /bin/bash\n"), "Finger");
    EXPECT_EQ(server(user + "Directory: /home/evaluser   Shell: /bin/bash\n"), "") << "BSD's key after cfingerd's";
    EXPECT_EQ(server(user + "Home directory: evaluser   Shell: /bin/bash\n"), "") << "a relative home";
    EXPECT_EQ(server("Username: evaluser\nHome directory: /home/evaluser   Shell: /bin/bash\n"), "")
        << "no real-life name";
    EXPECT_EQ(server(head + "Directory: /home/evaluser    \tShell: /bin/bash\r\n\x01\x02"), "") << "binary after";
    EXPECT_EQ(client(head + "Directory: /home/evaluser    \tShell: /bin/bash\r\n"), "") << "a server's";
    // BSD finger's short listing (netkit fingerd, a query for no user)
    const std::string header = "Login     Name              Tty      Idle  Login Time   Office     Office Phone\r\n";
    EXPECT_EQ(server(header + "evaluser  rescap eval       pts/1          Dec  6 14:19 (localhost)\r\n"), "Finger");
    EXPECT_EQ(server(header), "") << "the header alone";
    EXPECT_EQ(server("Login     Name   Tty   Idle\r\nevaluser x\r\n"), "") << "a header cut short";
    EXPECT_EQ(server("Login     Name   Tty   Idle  Login Time  Shoe Size\r\nevaluser x\r\n"), "") << "another column";
}

TEST(TextSignatures, LpdNntpDict) {
    EXPECT_EQ(client("\x03"
                     "1234 dfA020client.example\n"),
              "LPD");
    EXPECT_EQ(client("\x02lp\n"), "") << "the daemon command alone is too short to name";
    EXPECT_EQ(client("\x02"
                     "284 cfB020client.example\n"),
              "")
        << "not cfA";
    EXPECT_EQ(client("\x02"
                     "284 cfA20client.example\n"),
              "")
        << "two digits of job number";
    EXPECT_EQ(client("\x02"
                     "284 cfA020client.example"),
              "")
        << "no LF";
    EXPECT_EQ(client("\x04"
                     "284 cfA020client.example\n"),
              "")
        << "not a receive-job subcommand";
    EXPECT_EQ(server("201 news.example.com InterNetNews NNRP server INN 2.7.1 ready (no posting)\r\n"), "NNTP");
    EXPECT_EQ(server("200 welcome\r\n"), "") << "nothing names news";
    EXPECT_EQ(server("200 NNTP ready\r\n215 list\r\n"), "") << "two lines";
    EXPECT_EQ(server("220 NNTP ready\r\n"), "");
    EXPECT_EQ(server("220 dict.example.org dictd <auth.mime> <1.2@dict.example.org>\r\n"), "DICT");
    EXPECT_EQ(server("220 dict.example.org dictd <> <1.2@dict.example.org>\r\n"), "DICT") << "no capability";
    EXPECT_EQ(server("220 dict.example.org dictd <auth.mime> <1.2.dict.example.org>\r\n"), "") << "msg-id without @";
    EXPECT_EQ(server("220 dict.example.org dictd <AUTH> <1.2@dict.example.org>\r\n"), "") << "capability case";
    EXPECT_EQ(server("220 dict.example.org dictd <1.2@dict.example.org>\r\n"), "") << "no capabilities";
}

TEST(TextSignatures, VncVersion) {
    EXPECT_EQ(server("RFB 003.889\n"), "VNC");
    EXPECT_EQ(client("RFB 004.001\n"), "VNC");
    EXPECT_EQ(server("RFB 003.008\r\n"), "") << "13 octets";
    EXPECT_EQ(server("RFB 003.008"), "") << "no LF";
    EXPECT_EQ(server("RFB 009.008\n"), "") << "no such major";
    EXPECT_EQ(server("RFB 3.8\n"), "") << "not three digits each";
    EXPECT_EQ(server("RFB 003.008\nX"), "") << "more after the version";
}

TEST(TextSignatures, Chargen) {
    // Lines of 72 from the RFC's pattern, starting at `first`.
    const auto line = [](char first, std::size_t width = 72) {
        std::string out;
        for (std::size_t i = 0; i < width; ++i) out += static_cast<char>(0x20 + (first - 0x20 + i) % 95);
        return out + "\r\n";
    };
    EXPECT_EQ(server(line('}') + line('~') + line(' ') + line('!')), "Chargen") << "the circle wraps";
    EXPECT_EQ(name_of(line('a') + line('b') + line('c').substr(0, 30), Sender::Server), "Chargen") << "cut mid-line";
    EXPECT_EQ(server(line('a')), "") << "one line";
    EXPECT_EQ(server(line('a') + line('c')), "") << "not shifted by one";
    EXPECT_EQ(server(line('a') + line('b', 71)), "") << "another width";
    EXPECT_EQ(server(line('a', 10) + line('b', 10) + line('c', 10)), "") << "lines under 16";
    std::string broken = line('a') + line('b');
    broken[40] = 'x';
    EXPECT_EQ(server(broken), "") << "a character out of the run";
    EXPECT_EQ(server(line('a') + line('b') + "\x01"), "") << "a control octet";
    EXPECT_EQ(client(line('a') + line('b')), "") << "the server's";
}
