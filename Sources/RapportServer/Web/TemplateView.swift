/// A typed view model a template renders. Templates name their values in snake_case
/// (`{{channel_name}}`, `{{customer_id}}`), the Swift properties are the same names in
/// camelCase (`channelName`, `customerID`). A property that is nil is absent, so the lookup
/// goes on to the enclosing view and `{{^key}}` shows, as Mustache expects.
///
/// A view becomes what swift-mustache reads once, when its page is rendered, through its
/// synthesized `Encodable` (`TemplateValueEncoder`); swift-mustache then looks keys up in
/// dictionaries, not by reflection at every `{{key}}`.
protocol TemplateView: Encodable, Sendable {
    /// The view as the template reads it. A view whose template wants keys its properties do
    /// not name (the frame's `section_inbox`) adds them here; nested views are always encoded.
    func templateValues() throws -> [String: Any]
}

extension TemplateView {
    func templateValues() throws -> [String: Any] {
        try TemplateValueEncoder.values(of: self)
    }
}
