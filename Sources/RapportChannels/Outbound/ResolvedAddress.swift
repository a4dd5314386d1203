import NIOCore
import NIOPosix

/// A host name resolved to the one address a connection will use (the system resolver, off
/// the cooperative threads, since it blocks).
enum ResolvedAddress {
    static func of(host: String, port: Int) async throws -> String {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let address = try await NIOThreadPool.singleton.runIfActive {
            try SocketAddress.makeAddressResolvingHost(bare, port: port)
        }
        guard let ip = address.ipAddress else { throw OutboundRefusal.notHTTP(host) }
        return ip
    }
}
