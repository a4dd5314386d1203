import Foundation

/// What a customer chose besides consent: how often, and a pause until a day.
public struct ContactPreferences: Sendable, Equatable {
    public var customerID: String
    public var workspaceID: String
    public var frequency: ContactFrequency
    public var pausedUntil: Date?
    public var updatedAt: Date

    public init(customerID: String, workspaceID: String, frequency: ContactFrequency = .any, pausedUntil: Date? = nil, updatedAt: Date) {
        self.customerID = customerID
        self.workspaceID = workspaceID
        self.frequency = frequency
        self.pausedUntil = pausedUntil
        self.updatedAt = updatedAt
    }

    /// Whether a pause holds at `date`.
    public func isPaused(at date: Date) -> Bool {
        pausedUntil.map { $0 > date } ?? false
    }
}
