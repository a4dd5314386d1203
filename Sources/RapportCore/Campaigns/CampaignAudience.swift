/// Who a campaign is for: the members of any of `segmentIDs` (segments or lists) who are in
/// none of `exclusionSegmentIDs`, each customer once. Consent, the frequency cap and the
/// holdout narrow it further when the audience is resolved.
public struct CampaignAudience: Sendable, Equatable {
    /// At least one; in the order given.
    public var segmentIDs: [String]
    public var exclusionSegmentIDs: [String]

    public init(segmentIDs: [String], exclusionSegmentIDs: [String] = []) {
        self.segmentIDs = segmentIDs
        self.exclusionSegmentIDs = exclusionSegmentIDs
    }

    /// The audience as the API reads and writes it.
    public var json: JSONValue {
        .object([
            "segment_ids": .array(segmentIDs.map(JSONValue.string)),
            "exclusion_segment_ids": .array(exclusionSegmentIDs.map(JSONValue.string)),
        ])
    }
}
