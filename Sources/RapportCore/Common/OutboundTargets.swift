import Foundation

/// Where Rapport may send requests of its own (outgoing webhooks, providers' APIs at an inbox's
/// `api_base_url`, an inbox's SMTP server). Those addresses are typed in by admins and shops'
/// integrators, so they must not reach what sits behind the firewall: loopback, link-local
/// (cloud metadata at 169.254.169.254), private, carrier-grade NAT, multicast and reserved
/// ranges are refused — unless the operator allows them (`RAPPORT_ALLOW_PRIVATE_TARGETS`, for
/// tests and one-machine set-ups).
///
/// A literal address or `localhost` is refused when the URL is saved; every address is
/// checked again at connect time, after DNS, by whoever connects (`isAllowed(ip:)`).
public struct OutboundTargets: Sendable, Equatable {
    public var allowsPrivate: Bool

    public init(allowsPrivate: Bool) {
        self.allowsPrivate = allowsPrivate
    }

    /// Private targets refused: the default.
    public static let publicOnly = OutboundTargets(allowsPrivate: false)

    /// The rule a host breaks when it is written as an address (or `localhost`), or nil.
    public func refusal(host rawHost: String) -> String? {
        guard !allowsPrivate else { return nil }
        var host = rawHost.lowercased()
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.hasSuffix(".") { host.removeLast() }
        if host == "localhost" || host.hasSuffix(".localhost") { return "loopback (localhost)" }
        if let bytes = Self.ipv4(host) { return Self.rangeName(ipv4: bytes) }
        if host.contains(":") {
            guard let bytes = Self.ipv6(host) else { return "an IPv6 address that does not parse" }
            return Self.rangeName(ipv6: bytes)
        }
        // Numeric forms resolvers also accept (`2130706433`, `0x7f.1`, `127.1`) hide addresses.
        let labels = host.split(separator: ".", omittingEmptySubsequences: false)
        let numeric = labels.allSatisfy(Self.isNumberLabel)
        if numeric { return "an address in a form other than four decimal numbers" }
        return nil
    }

    /// Whether a host's label is a number as resolvers and browsers read one in an IPv4 address
    /// (`127`, `0x7f`): a host ending in one is an address, however it is written.
    static func isNumberLabel(_ label: Substring) -> Bool {
        !label.isEmpty && (label.allSatisfy(\.isNumber) || (label.hasPrefix("0x") && label.dropFirst(2).allSatisfy(\.isHexDigit)))
    }

    /// Whether a resolved address may be connected to.
    public func isAllowed(ip: String) -> Bool {
        allowsPrivate || refusal(host: ip) == nil
    }

    /// The reason a URL may not be saved as an outbound target, or nil.
    public func refusal(url: String) -> String? {
        guard let host = URLComponents(string: url)?.host, !host.isEmpty else { return "a URL without a host" }
        return refusal(host: host).map { "points to \($0), which Rapport does not call (set RAPPORT_ALLOW_PRIVATE_TARGETS=1 to allow it)" }
    }

    // MARK: Ranges

    static func rangeName(ipv4 b: [UInt8]) -> String? {
        switch (b[0], b[1]) {
        case (0, _): "this network (0.0.0.0/8)"
        case (10, _): "a private network (10.0.0.0/8)"
        case (100, 64...127): "carrier-grade NAT (100.64.0.0/10)"
        case (127, _): "loopback (127.0.0.0/8)"
        case (169, 254): "link-local (169.254.0.0/16)"
        case (172, 16...31): "a private network (172.16.0.0/12)"
        case (192, 168): "a private network (192.168.0.0/16)"
        case (192, 0) where b[2] == 0: "IETF protocol assignments (192.0.0.0/24)"
        case (198, 18...19): "benchmarking (198.18.0.0/15)"
        case (224...239, _): "multicast (224.0.0.0/4)"
        case (240...255, _): "reserved (240.0.0.0/4)"
        default: nil
        }
    }

    static func rangeName(ipv6 b: [UInt8]) -> String? {
        if b.allSatisfy({ $0 == 0 }) { return "the unspecified address (::)" }
        if b[0..<15].allSatisfy({ $0 == 0 }) && b[15] == 1 { return "loopback (::1)" }
        // IPv4-mapped (::ffff:a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) carry an IPv4 address.
        if b[0..<10].allSatisfy({ $0 == 0 }) && b[10] == 0xff && b[11] == 0xff { return rangeName(ipv4: Array(b[12..<16])) }
        if b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b[4..<12].allSatisfy({ $0 == 0 }) { return rangeName(ipv4: Array(b[12..<16])) }
        if b[0] & 0xfe == 0xfc { return "a private network (fc00::/7)" }
        if b[0] == 0xfe && b[1] & 0xc0 == 0x80 { return "link-local (fe80::/10)" }
        if b[0] == 0xff { return "multicast (ff00::/8)" }
        return nil
    }

    // MARK: Parsing

    /// `a.b.c.d` with four decimal numbers of 0–255, or nil.
    static func ipv4(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var bytes: [UInt8] = []
        for part in parts {
            guard !part.isEmpty, part.count <= 3, part.allSatisfy(\.isNumber), let value = UInt8(part) else { return nil }
            bytes.append(value)
        }
        return bytes
    }

    /// An IPv6 address in text (RFC 4291 §2.2: `::` once, an IPv4 tail allowed), or nil. A zone
    /// (`%eth0`) is dropped: it names an interface, not another address.
    public static func ipv6(_ text: String) -> [UInt8]? {
        let address = text.split(separator: "%", maxSplits: 1).first.map(String.init) ?? text
        let halves = address.components(separatedBy: "::")
        guard halves.count <= 2 else { return nil }
        func groups(_ part: String) -> [UInt16]? {
            guard !part.isEmpty else { return [] }
            var result: [UInt16] = []
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            for (index, piece) in pieces.enumerated() {
                if index == pieces.count - 1, piece.contains("."), let v4 = ipv4(String(piece)) {
                    result += [UInt16(v4[0]) << 8 | UInt16(v4[1]), UInt16(v4[2]) << 8 | UInt16(v4[3])]
                } else {
                    guard (1...4).contains(piece.count), let value = UInt16(piece, radix: 16) else { return nil }
                    result.append(value)
                }
            }
            return result
        }
        guard let head = groups(halves[0]) else { return nil }
        var all = head
        if halves.count == 2 {
            guard let tail = groups(halves[1]), head.count + tail.count < 8 else { return nil }
            all += Array(repeating: 0, count: 8 - head.count - tail.count) + tail
        }
        guard all.count == 8 else { return nil }
        return all.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] }
    }
}
