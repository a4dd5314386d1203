import Foundation
import RapportChannels
import Synchronization

/// Amazon SNS as the tests play it (it cannot run here): the signing certificates of the
/// fixtures by their URL, and a record of every certificate Rapport asked for and every
/// subscription it confirmed.
final class FakeSNS: SNSClient {
    private struct Calls {
        var fetched: [String] = []
        var confirmed: [String] = []
        /// How many certificate requests still to answer as SNS does when it is down (503).
        var failures = 0
    }

    private let certificates: [String: String]
    private let calls = Mutex(Calls())

    init(certificates: [String: String]) {
        self.certificates = certificates
    }

    var fetched: [String] { calls.withLock { $0.fetched } }
    var confirmed: [String] { calls.withLock { $0.confirmed } }

    /// Answers the next `count` certificate requests with a 503, as an SNS outage would.
    func failNextFetches(_ count: Int) {
        calls.withLock { $0.failures = count }
    }

    func certificate(at url: String) async throws -> String {
        let fails = calls.withLock { state -> Bool in
            state.fetched.append(url)
            guard state.failures > 0 else { return false }
            state.failures -= 1
            return true
        }
        if fails { throw SNSError.answered(status: 503) }
        guard let certificate = certificates[url] else { throw SNSError.answered(status: 404) }
        return certificate
    }

    func confirmSubscription(at url: String) async throws {
        calls.withLock { $0.confirmed.append(url) }
    }
}
