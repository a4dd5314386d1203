/// A profile update a step asked for one customer.
struct JourneyProfileChange: Sendable, Equatable {
    var enrolmentID: String
    var customerID: String
    var update: JourneyProfileUpdate
}
