import Foundation

/// The input of an `sla.check` job, scheduled for the moment a target falls due.
public struct SLACheckPayload: JobPayload, Equatable {
    public static let jobKind = JobKind.slaCheck

    public var conversationID: String
    public var target: SLATarget
    /// The due time the job was scheduled for; if the conversation's due time moved, the job is stale.
    public var dueMicroseconds: Int64

    public init(conversationID: String, target: SLATarget, dueMicroseconds: Int64) {
        self.conversationID = conversationID
        self.target = target
        self.dueMicroseconds = dueMicroseconds
    }

    enum CodingKeys: String, CodingKey {
        // Stored through JSONCoding, which turns camelCase into snake_case and back.
        case conversationID = "conversationId"
        case target
        case dueMicroseconds
    }
}
