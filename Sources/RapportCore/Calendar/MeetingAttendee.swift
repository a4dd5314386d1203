/// Someone asked to a meeting: a user of the team or a person by e-mail (a customer's profile
/// when one has the address or is named).
public struct MeetingAttendee: Sendable, Equatable {
    public var email: String
    public var name: String?
    public var userID: String?
    public var customerID: String?
    /// Its place as stored (what a `meeting.invite` job names); kept when others are removed.
    public var position: Int

    public init(email: String, name: String? = nil, userID: String? = nil, customerID: String? = nil, position: Int = 0) {
        self.email = email
        self.name = name
        self.userID = userID
        self.customerID = customerID
        self.position = position
    }
}
