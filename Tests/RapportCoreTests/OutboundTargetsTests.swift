import RapportCore
import Testing

@Suite("Outbound targets")
struct OutboundTargetsTests {
    static let refused = [
        "127.0.0.1", "127.8.9.10", "localhost", "LOCALHOST.", "api.localhost", "10.1.2.3", "172.16.0.1", "172.31.255.255",
        "192.168.1.1", "169.254.169.254", "100.64.0.1", "100.127.255.254", "0.0.0.0", "224.0.0.1", "239.255.255.250",
        "255.255.255.255", "[::1]", "::", "[fe80::1%25eth0]", "fe80::abcd", "fc00::1", "fd12:3456::1", "ff02::1",
        "::ffff:127.0.0.1", "::ffff:169.254.169.254", "64:ff9b::10.0.0.1", "2130706433", "0x7f.0.0.1", "127.1", "017700000001",
    ]
    static let allowed = ["93.184.216.34", "graph.facebook.com", "api.twilio.com", "2606:4700::1111", "[2001:db8::1]", "172.32.0.1", "100.128.0.1", "1.1.1.1"]

    @Test("loopback, private, link-local, CGNAT, multicast and reserved addresses are refused, in every spelling", arguments: refused)
    func refusedHosts(host: String) {
        #expect(OutboundTargets.publicOnly.refusal(host: host) != nil, "\(host) was let through")
    }

    @Test("public addresses and names pass", arguments: allowed)
    func allowedHosts(host: String) {
        #expect(OutboundTargets.publicOnly.refusal(host: host) == nil, "\(host) was refused")
    }

    @Test("the operator's setting lets private targets through; a refused URL names the rule")
    func settingAndReason() {
        #expect(OutboundTargets(allowsPrivate: true).refusal(url: "http://127.0.0.1:8080/hook") == nil)
        let reason = OutboundTargets.publicOnly.refusal(url: "http://169.254.169.254/latest/meta-data/")
        #expect(reason?.contains("link-local (169.254.0.0/16)") == true)
        #expect(OutboundTargets.publicOnly.isAllowed(ip: "8.8.8.8") && !OutboundTargets.publicOnly.isAllowed(ip: "::1"))
    }
}
