import Foundation

/// What a customer's preference centre shows: the channels the store can reach them on, the
/// purposes it asks about, what holds now for each pair, and their frequency and pause.
public struct PreferenceCentre: Sendable {
    public var customerID: String
    public var firstName: String?
    public var locale: String?
    public var channels: [ConsentChannel]
    public var purposes: [ConsentPurpose]
    public var consents: [ConsentState]
    public var preferences: ContactPreferences
    public var now: Date

    /// Whether the customer says yes, now, to `purpose` by `channel`.
    public func grants(_ purpose: ConsentPurpose, by channel: ConsentChannel) -> Bool {
        consents.first { $0.purpose == purpose && $0.channel == channel }?.effect(at: now) == .granted
    }
}
