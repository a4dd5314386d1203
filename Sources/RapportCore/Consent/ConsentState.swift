import Foundation

/// Where a customer stands for one purpose and channel: the latest change the person made
/// (by when they acted), and every change before it, newest first.
public struct ConsentState: Sendable, Equatable {
    /// What the state means at a given time: a grant past its expiry no longer counts.
    public enum Effect: String, Sendable, Codable {
        case granted, denied, withdrawn, expired
    }

    public var purpose: ConsentPurpose
    public var channel: ConsentChannel
    public var history: [ConsentEntry]

    /// The latest change; a state always has one.
    public var current: ConsentEntry { history[0] }
    public var status: ConsentStatus { current.status }

    public func effect(at date: Date) -> Effect {
        switch current.status {
        case .granted: current.expiresAt.map { $0 <= date } == true ? .expired : .granted
        case .denied: .denied
        case .withdrawn: .withdrawn
        }
    }

    /// Groups a customer's history (any order) into one state per purpose and channel, each
    /// newest first by when the person acted, then by when Rapport stored it; the states in a
    /// stable order.
    public static func states(from entries: [ConsentEntry]) -> [ConsentState] {
        let newestFirst = entries.sorted { left, right in
            if left.evidence.occurredAt != right.evidence.occurredAt { return left.evidence.occurredAt > right.evidence.occurredAt }
            if left.recordedAt != right.recordedAt { return left.recordedAt > right.recordedAt }
            return left.id > right.id
        }
        var order: [String] = []
        var grouped: [String: [ConsentEntry]] = [:]
        for entry in newestFirst {
            let key = entry.purpose.rawValue + "\u{0}" + entry.channel.rawValue
            if grouped[key] == nil { order.append(key) }
            grouped[key, default: []].append(entry)
        }
        return order.compactMap { key in
            guard let history = grouped[key], let first = history.first else { return nil }
            return ConsentState(purpose: first.purpose, channel: first.channel, history: history)
        }
        .sorted { ($0.purpose.rawValue, $0.channel.rawValue) < ($1.purpose.rawValue, $1.channel.rawValue) }
    }
}
