import NIOCore
import NIOPosix

/// A host name resolved to the one address a connection will use. The system resolver blocks,
/// and a name server that never answers blocks it for long: it runs on threads of its own, so
/// it holds up neither Swift's cooperative threads nor NIO's shared pool (which SQLite uses).
enum ResolvedAddress {
    static let resolvers: NIOThreadPool = {
        let pool = NIOThreadPool(numberOfThreads: 4)
        pool.start()
        return pool
    }()

    static func of(host: String, port: Int) async throws -> String {
        let bare = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        let address = try await resolvers.runIfActive {
            try SocketAddress.makeAddressResolvingHost(bare, port: port)
        }
        guard let ip = address.ipAddress else { throw OutboundRefusal.notHTTP(host) }
        return ip
    }
}
