// SPDX-License-Identifier: GPL-2.0-or-later
// Matchers of the signature table for binary, length-framed protocols: each
// walks the whole frame as its specification lays it out (every length
// agreeing with the payload and with the structure inside it, fields in
// their assigned ranges), so a payload is named only when all of it fits.
// The rows that use them are in signatures.cpp.
#pragma once

#include <cstdint>
#include <span>

namespace ghostports::framed {

using Payload = std::span<const std::uint8_t>;

bool nbss_smb1(Payload p);             // NBSS session message(s) carrying SMB1
bool nbss_smb2(Payload p);             // NBSS session message(s) carrying SMB2 / SMB3 transform
bool nbss_session_request(Payload p);  // NBSS session request with two encoded names
bool kerberos_udp(Payload p);          // a bare KRB message
bool kerberos_tcp(Payload p);          // 4-octet length + KRB message
bool radius_packet(Payload p);
bool http2_preface(Payload p);          // client connection preface (+ frames)
bool http2_server_settings(Payload p);  // server's first frames, a SETTINGS first
bool modbus_request(Payload p);
bool modbus_response(Payload p);
bool bgp_messages(Payload p);
bool rdp_connection_request(Payload p);  // TPKT + X.224 CR with RDP cookie / RDP_NEG_REQ
bool rdp_connection_confirm(Payload p);  // TPKT + X.224 CC with RDP_NEG_RSP / FAILURE
bool s7comm_pdu(Payload p);              // TPKT + X.224 DT + S7comm header whose lengths fill it
bool amqp_protocol_header(Payload p);
bool amqp_connection_start(Payload p);
bool collectd_packet(Payload p);
bool sane_net_init(Payload p);
bool gearman_packets(Payload p);
bool nbd_server_greeting(Payload p);
bool nbd_client_options(Payload p);
bool dtls_hello(Payload p);
bool dhcp_message(Payload p);
bool ike_message(Payload p);
bool pptp_control(Payload p);
bool tds_prelogin(Payload p);
bool mongodb_message(Payload p);
bool dnp3_frames(Payload p);
// Services of nmap's most frequently open ports (doc/coverage.md)
bool dcerpc_co(Payload p);     // DCE/RPC connection-oriented PDUs (TCP)
bool dcerpc_cl(Payload p);     // DCE/RPC connectionless header (UDP)
bool h225_q931(Payload p);     // TPKT + Q.931 with an H.225.0 User-user element
bool dsi_messages(Payload p);  // AFP over TCP: DSI messages
bool x11_setup_request(Payload p);
bool smux_open_pdus(Payload p);  // a subagent's OpenPDU (+ register requests)
bool ajp13_request(Payload p);   // 0x1234 packets: Forward Request (+ body) / CPing
bool ajp13_reply(Payload p);     // "AB" packets
bool nbns_message(Payload p);    // NetBIOS name service
bool nbdgm_message(Payload p);   // NetBIOS datagram service
bool ike_nat_t(Payload p);       // non-ESP marker + IKE
bool l2tp_control(Payload p);    // L2TPv2 / v3 control message
bool slp_message(Payload p);     // SLPv2
bool ldp_pdus(Payload p);        // MPLS LDP
bool nrpe_packet(Payload p);     // NRPE v2-v4 with its CRC-32
bool xdmcp_message(Payload p);
bool rmcp_message(Payload p);  // ASF presence ping / IPMI 1.5 / RMCP+ session
bool iscsi_login(Payload p);   // Login Request / Response with its key=value text
bool tns_packet(Payload p);    // Oracle TNS Connect / Refuse
bool kpasswd_udp(Payload p);   // Kerberos password change: AP-REQ/REP + KRB-PRIV
bool kpasswd_tcp(Payload p);
bool drda_dss(Payload p);           // DB2 DRDA: DSS chain with DDM objects
bool zookeeper_connect(Payload p);  // ConnectRequest / ConnectResponse
bool zabbix_packet(Payload p);      // "ZBXD" header + data
bool memcached_binary(Payload p);   // 24-octet headers + bodies, one direction

}  // namespace ghostports::framed
