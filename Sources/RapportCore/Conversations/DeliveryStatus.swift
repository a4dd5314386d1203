/// How far an outgoing message got. `pending` until the provider accepted it; statuses only
/// move forward (`sent` → `delivered` → `read`), except `failed`, which can come at any time.
public enum DeliveryStatus: String, Sendable, Codable, CaseIterable {
    case pending, sent, delivered, read, failed

    var rank: Int {
        switch self {
        case .pending: 0
        case .sent: 1
        case .delivered: 2
        case .read: 3
        case .failed: 4
        }
    }

    /// Whether a report of `next` should replace this status (reports can arrive out of order).
    public func accepts(_ next: DeliveryStatus) -> Bool {
        if next == .failed { return self != .failed && self != .read }
        if self == .failed { return next != .pending }
        return next.rank > rank
    }
}
