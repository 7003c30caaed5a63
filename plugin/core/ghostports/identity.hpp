// What a conversation on a ghost port really is, as far as strong evidence
// says: the protocol, the product and version the server announces, and
// where each name came from. Pure C++: the identifier (signatures, nmap
// fingerprints) produces it; the glue copies it into the conversation.
#pragma once

#include <cstdint>
#include <string>

namespace ghostports {

// Where a name came from, strongest first.
enum class EvidenceSource : std::uint8_t {
    None,       // nothing named it (weak heuristics may still decode it)
    Signature,  // a row of the signature table (plugin/core/ghostports/signatures.cpp)
    Nmap,       // a match line of nmap-service-probes
};

struct Identity {
    std::string protocol;   // display name: "SSH"; empty = unnamed
    std::string dissector;  // Wireshark protocol filter name that decodes it: "ssh"; may be empty
    std::string product;    // "OpenSSH"; empty when not announced
    std::string version;    // "9.2p1 Debian 2+deb12u3"; empty when not announced
    std::string evidence;   // human readable: "signature ssh-banner", "nmap-service-probes line 1234, probe NULL"
    EvidenceSource source = EvidenceSource::None;

    bool named() const { return !protocol.empty(); }
};

}  // namespace ghostports
