import Foundation

/// One entry of a workspace's audit log, as stored: the record, who acted and when, its
/// place in the chain (`position`, counting from 1) and the chain's hashes.
public struct AuditEntry: Sendable, Equatable {
    public var id: String
    public var workspaceID: String
    public var position: Int64
    public var occurredAt: Date
    /// `user:usr_…`, `api_key:key_…`, `operator`, `system:NAME`, or for a failed sign-in
    /// `anonymous`.
    public var actor: String
    /// An `AuditAction` raw value (kept as text, so entries of a newer build still verify).
    public var action: String
    public var subjectType: String?
    /// Blank once the subject was erased.
    public var subjectID: String?
    /// SHA-256 of `workspace:id`, what the chain covers.
    public var subjectDigest: String?
    public var details: [String: String]
    public var ipAddress: String?
    public var previousHash: String
    public var hash: String

    public init(
        id: String, workspaceID: String, position: Int64, occurredAt: Date, actor: String, action: String, subjectType: String?,
        subjectID: String?, subjectDigest: String?, details: [String: String], ipAddress: String?, previousHash: String, hash: String
    ) {
        self.id = id
        self.workspaceID = workspaceID
        self.position = position
        self.occurredAt = occurredAt
        self.actor = actor
        self.action = action
        self.subjectType = subjectType
        self.subjectID = subjectID
        self.subjectDigest = subjectDigest
        self.details = details
        self.ipAddress = ipAddress
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The text whose SHA-256 is the entry's hash: every field but the subject's id (its
    /// digest stands in) and the hash itself, each prefixed by its length in bytes, so no two
    /// different entries share a text.
    public var chainText: String {
        let fields = [
            previousHash, String(position), id, workspaceID, String(Timestamp.microseconds(occurredAt)), actor, action,
            subjectType ?? "", subjectDigest ?? "", Self.detailsText(details), ipAddress ?? "",
        ]
        return fields.map { "\($0.utf8.count):\($0)" }.joined(separator: "|")
    }

    /// The details as stored: a JSON object with its keys sorted.
    public static func detailsText(_ details: [String: String]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        for key in details.keys.sorted() {
            writer.key(key)
            writer.string(details[key])
        }
        writer.endObject()
        return writer.text
    }
}
