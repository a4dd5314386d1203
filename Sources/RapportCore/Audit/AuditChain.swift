/// The chain's rule: entry n carries position n and the hash of entry n − 1 (the first carries
/// the empty text), and its own hash is the SHA-256 of its `chainText`. Checking it walks a
/// workspace's entries in order, a page at a time.
public struct AuditChain: Sendable {
    public static let genesisHash = ""

    private let hasher: any SecretHasher
    public private(set) var position: Int64 = 0
    public private(set) var hash = AuditChain.genesisHash
    let workspaceID: String

    public init(workspaceID: String, hasher: any SecretHasher) {
        self.workspaceID = workspaceID
        self.hasher = hasher
    }

    /// The hash an entry must carry.
    public static func hash(of entry: AuditEntry, hasher: any SecretHasher) -> String {
        hasher.hash(entry.chainText)
    }

    /// Takes the next entry; returns what is wrong with it, if anything.
    public mutating func append(_ entry: AuditEntry) -> AuditBreak? {
        func broken(_ reason: String) -> AuditBreak {
            AuditBreak(workspaceID: workspaceID, entryID: entry.id, position: entry.position, reason: reason)
        }
        guard entry.position == position + 1 else {
            return broken("expected position \(position + 1); an entry before it is missing or was moved")
        }
        guard entry.previousHash == hash else {
            return broken("it does not carry the hash of the entry before it; that entry or this one was altered")
        }
        guard Self.hash(of: entry, hasher: hasher) == entry.hash else {
            return broken("its content does not match its hash; it was altered")
        }
        // The chain covers the subject's digest; the id beside it must be the one digested.
        if let subjectID = entry.subjectID, hasher.hash(entry.workspaceID + ":" + subjectID) != entry.subjectDigest {
            return broken("its subject id is not the one its digest names; it was altered")
        }
        position = entry.position
        hash = entry.hash
        return nil
    }

    /// Compares the end reached with the stored head.
    public func finish(against head: AuditHead?) -> AuditBreak? {
        let headPosition = head?.position ?? 0
        let headHash = head?.hash ?? Self.genesisHash
        guard headPosition == position, headHash == hash else {
            return AuditBreak(
                workspaceID: workspaceID, entryID: nil, position: headPosition,
                reason: "the chain ends at position \(position) but its head says \(headPosition); entries were removed or added")
        }
        return nil
    }
}
