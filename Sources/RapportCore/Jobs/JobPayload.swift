import Foundation

/// The typed input of one kind of job, stored as JSON in the job's payload.
public protocol JobPayload: Codable, Sendable {
    static var jobKind: JobKind { get }
}

extension JobRequest {
    /// A request to run `payload`'s kind of job with it.
    public init(_ payload: some JobPayload, runAt: Date? = nil, uniqueKey: String? = nil, maxAttempts: Int = 8) throws {
        let json = String(decoding: try JSONCoding.makeEncoder().encode(payload), as: UTF8.self)
        self.init(kind: type(of: payload).jobKind, payload: json, runAt: runAt, uniqueKey: uniqueKey, maxAttempts: maxAttempts)
    }
}

extension Job {
    /// The job's payload read as the input of its kind.
    public func decode<Payload: JobPayload>(_ type: Payload.Type) throws -> Payload {
        try JSONCoding.makeDecoder().decode(Payload.self, from: Data(payload.utf8))
    }
}
