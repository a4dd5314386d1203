import Foundation
import Synchronization

/// `SNSClient` over `OutboundHTTP` (the resolved address checked, no redirect followed, the
/// answer capped in size and time), refusing any URL that is not SNS's own even if a caller
/// forgot to check it. Certificates are kept in memory by URL: SNS signs with one certificate
/// for months, so each is fetched once per process, not once per message.
public final class HTTPSNSClient: SNSClient {
    /// More distinct certificates than this (SNS has one per region at a time) empties the store.
    static let keptLimit = 64

    private let http: OutboundHTTP
    private let kept = Mutex<[String: String]>([:])

    public init(http: OutboundHTTP) {
        self.http = http
    }

    public func certificate(at url: String) async throws -> String {
        guard let url = SNSURL.certificate(url) else { throw SNSError.notSNS(String(url.prefix(200))) }
        if let certificate = kept.withLock({ $0[url] }) { return certificate }
        let answer = try await http.get(url)
        guard answer.status == 200 else { throw SNSError.answered(status: answer.status) }
        guard answer.body.contains("-----BEGIN CERTIFICATE-----") else { throw SNSError.notACertificate }
        kept.withLock { kept in
            if kept.count >= Self.keptLimit { kept.removeAll() }
            kept[url] = answer.body
        }
        return answer.body
    }

    public func confirmSubscription(at url: String) async throws {
        guard let url = SNSURL.subscription(url) else { throw SNSError.notSNS(String(url.prefix(200))) }
        let answer = try await http.get(url)
        guard answer.status == 200 else { throw SNSError.answered(status: answer.status) }
    }
}
