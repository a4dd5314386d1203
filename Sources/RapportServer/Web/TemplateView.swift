import Mustache

/// A typed view model a template renders. Templates name their values in snake_case
/// (`{{channel_name}}`, `{{customer_id}}`), the Swift properties are the same names in
/// camelCase (`channelName`, `customerID`). A property that is nil is absent, so the lookup
/// goes on to the enclosing view and `{{^key}}` shows, as Mustache expects.
protocol TemplateView: MustacheParent, Sendable {}

extension TemplateView {
    func child(named key: String) -> Any? {
        TemplateKey.value(named: key, in: self)
    }
}
