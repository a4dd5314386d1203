/// Where a return (RMA) stands: `requested → approved → received → refunded`, or `rejected`.
public enum ReturnStatus: String, Sendable, Codable, CaseIterable {
    case requested, approved, received, refunded, rejected

    public func canMove(to next: ReturnStatus) -> Bool {
        switch (self, next) {
        case (.requested, .approved), (.approved, .received), (.received, .refunded),
            (.requested, .rejected), (.approved, .rejected), (.received, .rejected):
            true
        default:
            false
        }
    }

    /// Whether the return still needs work (counted as "open" on the customer's view).
    public var isOpen: Bool { [.requested, .approved, .received].contains(self) }
}
