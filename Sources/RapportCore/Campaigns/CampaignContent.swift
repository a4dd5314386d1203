/// What one locale's recipients get. An e-mail has a `subject`, an optional `preheader` (the
/// line inboxes show after the subject), a `body` in Markdown for the HTML part and `text` for
/// the plain-text part (written from the body when absent). An SMS is its `text`. A WhatsApp
/// message is an approved `template` with its parameters.
public struct CampaignContent: Sendable, Equatable {
    public var subject: String?
    public var preheader: String?
    /// Markdown.
    public var body: String?
    public var text: String?
    /// A WhatsApp message's approved template.
    public var template: TemplateMessage?

    public init(subject: String? = nil, preheader: String? = nil, body: String? = nil, text: String? = nil, template: TemplateMessage? = nil) {
        self.subject = subject
        self.preheader = preheader
        self.body = body
        self.text = text
        self.template = template
    }

    /// The content as the API reads and writes it; absent parts are left out.
    public var json: JSONValue {
        var fields: [String: JSONValue] = [:]
        if let subject { fields["subject"] = .string(subject) }
        if let preheader { fields["preheader"] = .string(preheader) }
        if let body { fields["body"] = .string(body) }
        if let text { fields["text"] = .string(text) }
        if let template { fields["template"] = template.json }
        return .object(fields)
    }
}
