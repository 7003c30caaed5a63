// SPDX-License-Identifier: GPL-2.0-or-later
// Refutations (refutations.hpp): a look-alike's own first payload says it is not the protocol it imitates
// (fresh7's near-misses: an AMQP header 0-9-3, an LDAP bindRequest of version 4).
#include <gtest/gtest.h>

#include <string>

#include "core/ghostports/refutations.hpp"
#include "signature_cases.hpp"

using ghostports::refuted_protocol;
using ghostports::Transport;
using rescap::test::hex;
using rescap::test::raw;
using rescap::test::operator+;

TEST(Refutations, AnAmqpHeaderOfNoAmqpVersion) {
    EXPECT_STREQ(refuted_protocol(raw(std::string("AMQP\0\0\x09\x03", 8)), Transport::Tcp), "AMQP");
    // AMQP's own headers (0-9-1, 1.0) refute nothing; nor does a longer payload starting AMQP
    EXPECT_EQ(refuted_protocol(raw(std::string("AMQP\0\0\x09\x01", 8)), Transport::Tcp), nullptr);
    EXPECT_EQ(refuted_protocol(raw(std::string("AMQP\0\x01\0\0", 8)), Transport::Tcp), nullptr);
    EXPECT_EQ(refuted_protocol(raw(std::string("AMQP\0\0\x09\x03 more", 13)), Transport::Tcp), nullptr);
}

TEST(Refutations, AnLdapBindOfVersionFour) {
    // LDAPMessage { 1, bindRequest { version, "cn=admin", simple "pw" } }
    const auto bind = [](unsigned version) {
        return hex("3016 020101 6011 0201") + rescap::test::Bytes{static_cast<std::uint8_t>(version)} +
               hex("0408 636e3d61646d696e 8002 7077");
    };
    EXPECT_EQ(refuted_protocol(bind(3), Transport::Tcp), nullptr);
    EXPECT_EQ(refuted_protocol(bind(2), Transport::Tcp), nullptr);
    EXPECT_STREQ(refuted_protocol(bind(4), Transport::Tcp), "LDAP");
    EXPECT_STREQ(refuted_protocol(bind(0), Transport::Udp), "LDAP");
    // a length that does not agree: no LDAPMessage, no refutation
    auto cut = bind(4);
    cut.pop_back();
    EXPECT_EQ(refuted_protocol(cut, Transport::Tcp), nullptr);
}
