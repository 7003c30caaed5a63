// SPDX-License-Identifier: GPL-2.0-or-later
// What an analyst must see on a ghost port: cleartext credentials (telnet
// login, FTP/POP3 USER/PASS, IMAP LOGIN, IRC PASS, LDAP simple bind, HTTP
// Basic, SMTP/POP3/IMAP AUTH PLAIN/LOGIN, Redis AUTH, SOCKS5
// username/password, MQTT CONNECT, STOMP CONNECT, PostgreSQL cleartext password, SNMPv1/v2c
// community, XMPP SASL PLAIN, NUT USERNAME/PASSWORD, MPD password, CVS
// pserver, rsh/rlogin by host trust, Tor's control password, Dovecot's
// authentication protocol's PLAIN response, Ice's createSession) and interactive shell sessions
// (a prompt or a command's output of a shell's shape from the server after
// a command line from the client; both directions). Pure C++:
// payload octets of one conversation in, findings out. A password is never
// kept: only its length.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <set>
#include <string_view>
#include <span>
#include <string>
#include <tuple>
#include <vector>

namespace ghostports {

enum class ExposureKind : std::uint8_t {
    CleartextLogin,  // a user name and password sent in cleartext
    ShellSession,    // an interactive shell answers in cleartext (once per conversation)
    ShellCommand,    // one command line sent to that shell
};

enum class ExposureProtocol : std::uint8_t {
    Telnet,
    Login,
    Ftp,
    Pop3,
    Imap,
    Irc,
    Ldap,
    Http,
    Smtp,
    Redis,
    Socks5,
    Mqtt,
    Stomp,
    Postgres,
    Snmp,
    Xmpp,
    Shell,
    FtpOrPop3,  // PASS before any USER, without a greeting that tells FTP from POP3
    Nut,
    Mpd,
    Cvs,
    Rsh,
    Rlogin,
    Nats,
    ManageSieve,
    Amqp,
    Ipmi,
    Ami,
    Drda,
    TorControl,
    DovecotAuth,
    Ice,
    Poppassd,
    Z3950,
};

struct Exposure {
    ExposureKind kind;
    ExposureProtocol protocol;
    std::string user;               // login: the user name ("" when none was sent); shell: the uid's name if seen
    std::size_t secret_length = 0;  // login: octets of the password (all of them, however long the line)
    std::string detail;  // login: the SASL mechanism, or why the user is unknown; shell command: the line; session: the
                         // evidence
};

const char *exposure_kind_name(ExposureKind kind);              // "cleartext_login"
const char *exposure_protocol_name(ExposureProtocol protocol);  // "FTP"

// One conversation's scanner: feed every payload in order with its
// direction; each distinct finding is reported once, by the call whose
// payload completes it. Line-based protocols may be split across payloads.
class ExposureScanner {
public:
    std::vector<Exposure> scan(std::span<const std::uint8_t> payload, bool from_client);

    // True while the scanner holds nothing a later payload could complete
    // (as new): a conversation's scanner need not be kept then.
    bool idle() const;

private:
    enum class Prompt : std::uint8_t { None, Login, Password };
    enum class SaslStep : std::uint8_t { None, PlainResponse, LoginUser, LoginPassword };

    // What only a conversation that said something of interest needs: made
    // on first write, so the many conversations that never do stay small.
    struct Memory {
        std::string postgres_user;
        std::string prompted_user;
        std::string user_command_user;  // FTP/POP3 USER
        std::string sasl_user;
        std::string nut_user;         // NUT USERNAME
        std::size_t nut_pending = 0;  // a PASSWORD's length + 1 while no USERNAME came
        std::string cvs_user;         // CVS pserver: the user line of the request
        std::size_t cvs_secret = 0;
        std::string rcmd;       // rsh/rlogin: the client's NUL-separated preamble so far
        std::string ipmi_user;  // IPMI 1.5: the user of the session challenge
        std::string ami_user;   // Asterisk AMI: Username of the Login action
        // Shell: evidence from the server, command lines from the client.
        std::string shell_user;
        std::string shell_evidence;
        std::vector<std::string> shell_lines;
        std::set<std::tuple<int, int, std::string, std::size_t, std::string>> reported;
        bool operator==(const Memory &) const = default;
    };

    void scan_client(std::span<const std::uint8_t> payload, std::vector<Exposure> &out);
    void scan_server(std::span<const std::uint8_t> payload);
    void client_line(const std::string &line, std::size_t overflow, std::vector<Exposure> &out);
    bool credential_line(const std::string &line, std::size_t overflow, std::vector<Exposure> &out);
    bool user_pass_line(std::string_view line, std::size_t overflow, std::vector<Exposure> &out);
    bool cvs_line(std::string_view line, std::vector<Exposure> &out);
    void resolve_pending_pass(std::string_view next_line, std::vector<Exposure> &out);
    void rcmd_preamble(std::span<const std::uint8_t> payload, std::vector<Exposure> &out);
    void shell_line(const std::string &line, std::vector<Exposure> &out);
    void shell_server(std::string_view text);
    void emit(Exposure exposure, std::vector<Exposure> &out);
    bool binary_credential(std::span<const std::uint8_t> payload, std::vector<Exposure> &out);
    ExposureProtocol sasl_protocol() const;
    Memory &memory();              // for writing: made on first use
    const Memory &recall() const;  // for reading: an empty one when none was made

    std::string client_line_buffer_;
    std::size_t client_line_overflow_ = 0;  // octets of the current line past the buffer
    std::unique_ptr<Memory> memory_;
    std::size_t pending_pass_ = 0;  // a PASS's length while it waits for what tells IRC from FTP/POP3
    Prompt prompt_ = Prompt::None;
    SaslStep sasl_ = SaslStep::None;
    bool telnet_ = false;
    bool pop3_ = false;
    bool imap_ = false;
    bool postgres_startup_ = false;
    bool socks_password_method_ = false;
    bool ftp_ = false;
    bool irc_ = false;
    bool mpd_ = false;
    bool poppassd_ = false;   // poppassd's greeting: USER / PASS / NEWPASS change a password
    bool sieve_ = false;      // ManageSieve's AUTHENTICATE "<mechanism>" was seen
    bool tor_ = false;        // Tor's control port: PROTOCOLINFO asked or answered
    bool ami_login_ = false;  // inside an Asterisk AMI "Action: Login" block
    bool pass_pending_ = false;
    std::uint8_t cvs_step_ = 0;  // lines of a pserver request seen
    bool shell_prompt_ = false;  // the server's last words were a shell prompt
    bool shell_proven_ = false;  // evidence in both directions, not yet reported
    bool shell_session_ = false;
};

}  // namespace ghostports
