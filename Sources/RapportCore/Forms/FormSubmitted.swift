/// A visitor answered a form or quiz (`form.submitted`): in the log and to outgoing webhooks,
/// so the shop can act on an answer (a back-in-stock request) without polling.
public struct FormSubmitted: DomainChange {
    public var form: Form
    public var response: FormResponse

    public init(form: Form, response: FormResponse) {
        self.form = form
        self.response = response
    }

    public var eventType: DomainEventType { .formSubmitted }
    public var workspaceID: String { response.workspaceID }
    public var subjectID: String { response.id }
    public var payload: any EventPayload { FormEventPayload(form: form, response: response) }
}
