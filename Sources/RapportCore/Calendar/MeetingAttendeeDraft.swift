/// An attendee as someone gives one: a user of the team (`userID`), a customer (`customerID`,
/// asked at their e-mail address), or an address with a name.
public struct MeetingAttendeeDraft: Sendable, Equatable {
    public var email: String?
    public var name: String?
    public var userID: String?
    public var customerID: String?

    public init(email: String? = nil, name: String? = nil, userID: String? = nil, customerID: String? = nil) {
        self.email = email
        self.name = name
        self.userID = userID
        self.customerID = customerID
    }
}
