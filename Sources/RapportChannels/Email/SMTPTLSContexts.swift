import Foundation
import NIOSSL

/// The SMTP client's TLS contexts, one per file of extra trusted roots (nil: the system's
/// alone), made when first needed and kept: a context is safe to share between connections.
final class SMTPTLSContexts: @unchecked Sendable {
    static let shared = SMTPTLSContexts()

    private let lock = NSLock()
    private var contexts: [String: NIOSSLContext] = [:]

    func context(trusting caFile: String?) throws -> NIOSSLContext {
        let key = caFile ?? ""
        return try lock.withLock {
            if let known = contexts[key] { return known }
            var tls = TLSConfiguration.makeClientConfiguration()
            if let caFile { tls.additionalTrustRoots = [.file(caFile)] }
            let context = try NIOSSLContext(configuration: tls)
            contexts[key] = context
            return context
        }
    }
}
