/// A journey's webhook step reached by a customer (`journey.webhook`): logged like every
/// change, and delivered, signed, to the one outgoing webhook the step names.
public struct JourneyWebhookChange: DomainChange {
    public var workspaceID: String
    public var journeyID: String
    public var version: Int
    public var stepKey: String
    public var visit: Int
    public var enrolmentID: String
    public var customerID: String
    public var webhookID: String

    public init(
        workspaceID: String, journeyID: String, version: Int, stepKey: String, visit: Int, enrolmentID: String, customerID: String, webhookID: String
    ) {
        self.workspaceID = workspaceID
        self.journeyID = journeyID
        self.version = version
        self.stepKey = stepKey
        self.visit = visit
        self.enrolmentID = enrolmentID
        self.customerID = customerID
        self.webhookID = webhookID
    }

    public var eventType: DomainEventType { .journeyWebhook }
    public var subjectID: String { customerID }
    public var payload: any EventPayload { JourneyWebhookEventPayload(self) }
}
