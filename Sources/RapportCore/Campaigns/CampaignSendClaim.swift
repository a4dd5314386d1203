/// A queued send a sender holds for a while: the row, and what rendering needs of its customer.
public struct CampaignSendClaim: Sendable, Equatable {
    public var sendID: String
    public var customerID: String
    public var address: String
    public var variant: String?
    public var firstName: String?
    public var lastName: String?
    public var locale: String?
    /// The send's occurrence in its campaign (`JourneyMessage.occurrence` for a journey's).
    public var occurrence: String

    public init(
        sendID: String, customerID: String, address: String, variant: String?, firstName: String?, lastName: String?, locale: String?,
        occurrence: String = ""
    ) {
        self.sendID = sendID
        self.customerID = customerID
        self.address = address
        self.variant = variant
        self.firstName = firstName
        self.lastName = lastName
        self.locale = locale
        self.occurrence = occurrence
    }
}
