import Foundation

/// What a customer ticked on their preference centre: the purpose and channel pairs they say
/// yes to (out of those shown), the wording they saw for each, how often, and a pause.
public struct PreferenceChoices: Sendable, Equatable {
    public struct Pair: Hashable, Sendable {
        public var purpose: ConsentPurpose
        public var channel: ConsentChannel

        public init(purpose: ConsentPurpose, channel: ConsentChannel) {
            self.purpose = purpose
            self.channel = channel
        }
    }

    public var granted: Set<Pair>
    /// The words shown beside each pair (stored as the consent's wording).
    public var wording: [Pair: String]
    public var frequency: ContactFrequency
    /// Days to pause everything that needs consent; 0 ends a pause; nil keeps the one there is.
    public var pauseDays: Int?

    public init(granted: Set<Pair>, wording: [Pair: String], frequency: ContactFrequency, pauseDays: Int?) {
        self.granted = granted
        self.wording = wording
        self.frequency = frequency
        self.pauseDays = pauseDays
    }
}
