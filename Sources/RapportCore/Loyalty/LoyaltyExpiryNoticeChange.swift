/// A customer was told their usable points expire soon (`loyalty.points_expiring`), for
/// webhooks and journeys (a reminder to spend them).
public struct LoyaltyExpiryNoticeChange: DomainChange {
    public var notice: LoyaltyExpiryNotice

    public init(_ notice: LoyaltyExpiryNotice) {
        self.notice = notice
    }

    public var eventType: DomainEventType { .loyaltyPointsExpiring }
    public var workspaceID: String { notice.workspaceID }
    public var subjectID: String { notice.customerID }
    public var payload: any EventPayload { LoyaltyExpiryNoticeEventPayload(notice) }
}
