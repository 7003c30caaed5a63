// SPDX-License-Identifier: GPL-2.0-or-later
#include <gtest/gtest.h>

#include "core/ghostports/evidence_summary.hpp"

using ghostports::evidence_summary;

TEST(EvidenceSummary, SourcesWithoutWhatWasChecked) {
    EXPECT_EQ(evidence_summary("signature ftp-greeting: whole 220 reply (220- lines, 220 line) naming FTP; product "
                               "from nmap-service-probes line 789 (match ftp, probe NULL)"),
              "signature ftp-greeting; product: nmap-service-probes line 789");
    EXPECT_EQ(evidence_summary("nmap-service-probes line 3525 (match ssh, probe NULL)"),
              "nmap-service-probes line 3525");
    EXPECT_EQ(evidence_summary("Wireshark's dtls heuristic dissector: records of a known type"),
              "Wireshark's dtls heuristic dissector");
    EXPECT_EQ(evidence_summary("signature dns-udp: header + one question; product from announcement dns-version-bind "
                               "(frame 4)"),
              "signature dns-udp; product: announcement dns-version-bind");
    EXPECT_EQ(evidence_summary("signature tls-hello: handshake record; withdrawn: Wireshark's tls dissector found a "
                               "malformed payload in frame 64"),
              "signature tls-hello; withdrawn");
    EXPECT_EQ(evidence_summary(""), "");
}
