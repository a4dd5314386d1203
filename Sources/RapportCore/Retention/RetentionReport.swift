/// What a retention round removed, by kind.
public struct RetentionReport: Sendable, Equatable {
    public var sessions = 0
    public var shopDeliveries = 0
    public var webhookAttempts = 0
    public var events = 0
    public var anonymousTracking = 0
    public var unconfirmedSignUps = 0
    public var erasedCustomers = 0

    public init() {}

    public var total: Int { sessions + shopDeliveries + webhookAttempts + events + anonymousTracking + unconfirmedSignUps + erasedCustomers }
}
