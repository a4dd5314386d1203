import Foundation

/// Which meetings a list shows: by organiser, customer, deal or status, starting within a span.
public struct MeetingFilter: Sendable, Equatable {
    public var ownerID: String?
    public var customerID: String?
    public var dealID: String?
    public var status: MeetingStatus?

    public init(ownerID: String? = nil, customerID: String? = nil, dealID: String? = nil, status: MeetingStatus? = nil) {
        self.ownerID = ownerID
        self.customerID = customerID
        self.dealID = dealID
        self.status = status
    }
}
