import Foundation

/// At most `messages` marketing messages in any `days` days, per customer and channel (3 in 7
/// unless the workspace says otherwise). A day is 86,400 seconds. The cap looks back: a message
/// at t is allowed when fewer than `messages` sends fall in (t − days, t]; a send exactly `days`
/// days earlier no longer counts, and a send after t counts only against later instants.
public struct FrequencyCap: Sendable, Equatable, Codable {
    /// How many messages the window holds; 0 allows none.
    public let messages: Int
    /// How long the window is, in days of 86,400 seconds; at least 1.
    public let days: Int

    /// Nil unless `messages` ≥ 0 and `days` ≥ 1: a window of no days, or a negative number of
    /// messages, caps nothing a person could mean. Decoding refuses them the same way.
    public init?(messages: Int, days: Int) {
        guard messages >= 0, days >= 1 else { return nil }
        self.init(checkedMessages: messages, days: days)
    }

    /// Decodes `messages` and `days`, refusing the values `init(messages:days:)` refuses.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let messages = try container.decode(Int.self, forKey: .messages)
        let days = try container.decode(Int.self, forKey: .days)
        guard let cap = FrequencyCap(messages: messages, days: days) else {
            throw DecodingError.dataCorruptedError(
                forKey: messages < 0 ? .messages : .days, in: container,
                debugDescription: "A frequency cap needs messages of 0 or more and days of 1 or more, not \(messages) in \(days)")
        }
        self = cap
    }

    /// For values known to be valid.
    private init(checkedMessages messages: Int, days: Int) {
        self.messages = messages
        self.days = days
    }

    /// Three messages in seven days.
    public static let standard = FrequencyCap(checkedMessages: 3, days: 7)

    /// The cap a customer's own contact frequency sets: weekly is one message in 7 days, monthly
    /// one in 30; `any` sets none. A message must pass this and the workspace's cap.
    public static func chosen(by frequency: ContactFrequency) -> FrequencyCap? {
        switch frequency {
        case .any: nil
        case .weekly: FrequencyCap(checkedMessages: 1, days: 7)
        case .monthly: FrequencyCap(checkedMessages: 1, days: 30)
        }
    }

    /// Whether one more message may go at `proposed`, given the times of the customer's earlier
    /// marketing sends on the channel (in any order).
    public func allows(at proposed: Date, given sends: [Date]) -> Bool {
        count(at: proposed, sends) < messages
    }

    /// The earliest instant at or after `proposed` when one more message may go, given the
    /// customer's sends: `proposed` when it is allowed, else the moment enough of the sends have
    /// left the window. Nil when the cap allows no messages at all. When every send is at or
    /// before `proposed`, a later instant is never refused again, so the latest answer of
    /// several caps satisfies them all.
    public func earliestAllowed(atOrAfter proposed: Date, given sends: [Date]) -> Date? {
        guard messages > 0 else { return nil }
        if allows(at: proposed, given: sends) { return proposed }
        // The count only falls when a send leaves the window, days after it was made; those
        // moments, in order, are the only candidates, and after the last one nothing counts.
        let leaving = sends.map { $0.addingTimeInterval(window) }.filter { $0 > proposed }.sorted()
        return leaving.first { allows(at: $0, given: sends) }
    }

    private var window: TimeInterval { TimeInterval(days) * 86_400 }

    private func count(at instant: Date, _ sends: [Date]) -> Int {
        let start = instant.addingTimeInterval(-window)
        return sends.filter { $0 > start && $0 <= instant }.count
    }
}
