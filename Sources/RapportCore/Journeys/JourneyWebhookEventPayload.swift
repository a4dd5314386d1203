/// The payload of `journey.webhook`: which journey, version and step, which customer (read
/// the rest through the API), and the enrolment, with its visit (a loop reaches a step again).
public struct JourneyWebhookEventPayload: EventPayload {
    public static let version = 1
    public var journeyID: String
    public var journeyVersion: Int
    public var stepKey: String
    public var visit: Int
    public var enrolmentID: String
    public var customerID: String

    init(_ change: JourneyWebhookChange) {
        journeyID = change.journeyID
        journeyVersion = change.version
        stepKey = change.stepKey
        visit = change.visit
        enrolmentID = change.enrolmentID
        customerID = change.customerID
    }
}
