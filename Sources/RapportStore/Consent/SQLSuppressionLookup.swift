import RapportCore

/// A channel's suppression list held in memory by digest: each address asked is digested under
/// every key (`SuppressionDigest.every`) and looked up, with no query.
struct SQLSuppressionLookup: SuppressionLookup {
    let held: [String: [SuppressionReason]]
    let digests: SuppressionDigest
    let channel: ConsentChannel
    let workspaceID: String

    var isEmpty: Bool { held.isEmpty }

    func reasons(for address: String) -> [SuppressionReason] {
        guard !held.isEmpty else { return [] }
        let found = digests.every(address, channel, workspaceID).flatMap { held[$0] ?? [] }
        return found.count < 2 ? found : Set(found).sorted { $0.rawValue < $1.rawValue }
    }
}
