/// What a per-client limit counts by: an IPv4 address as it is, an IPv6 address by its /64,
/// which one client commonly holds whole (counting single IPv6 addresses would give each
/// host millions of allowances).
public enum ClientNetwork {
    public static func key(_ address: String) -> String {
        guard address.contains(":"), let bytes = OutboundTargets.ipv6(address) else { return address }
        return bytes.prefix(8).map { String(format: "%02x", $0) }.joined() + "::/64"
    }
}
