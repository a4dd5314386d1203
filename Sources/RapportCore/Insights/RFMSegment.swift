/// The named RFM segments, placed on the classic grid of recency score (rows) against
/// frequency score (columns), 1 to 5 each (the grid popularised by Putler and used across
/// RFM tooling; "Lost" is the bottom corner of "Hibernating").
public enum RFMSegment: String, Sendable, Codable, CaseIterable {
    case champions
    case loyal
    case potentialLoyalist = "potential_loyalist"
    case new
    case promising
    case needsAttention = "needs_attention"
    case aboutToSleep = "about_to_sleep"
    case atRisk = "at_risk"
    case cannotLoseThem = "cannot_lose_them"
    case hibernating
    case lost

    public var label: String {
        switch self {
        case .champions: "Champions"
        case .loyal: "Loyal"
        case .potentialLoyalist: "Potential loyalist"
        case .new: "New"
        case .promising: "Promising"
        case .needsAttention: "Needs attention"
        case .aboutToSleep: "About to sleep"
        case .atRisk: "At risk"
        case .cannotLoseThem: "Cannot lose them"
        case .hibernating: "Hibernating"
        case .lost: "Lost"
        }
    }

    /// The segment of a recency and a frequency score (1 to 5).
    public static func of(recency r: Int, frequency f: Int) -> RFMSegment {
        switch (r, f) {
        case (1, 1): .lost
        case (1...2, 1...2): .hibernating
        case (1...2, 3...4): .atRisk
        case (1...2, _): .cannotLoseThem
        case (3, 1...2): .aboutToSleep
        case (3, 3): .needsAttention
        case (3...4, 4...5): .loyal
        case (4, 1): .promising
        case (5, 1): .new
        case (4...5, 2...3): .potentialLoyalist
        default: .champions
        }
    }

    /// How many customers of the grid each segment holds (every segment, zeros included).
    public static func counts(in grid: [RFMCell]) -> [RFMSegment: Int] {
        var counts = Dictionary(uniqueKeysWithValues: allCases.map { ($0, 0) })
        for cell in grid { counts[of(recency: cell.recencyScore, frequency: cell.frequencyScore), default: 0] += cell.customers }
        return counts
    }
}
