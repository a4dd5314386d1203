/// Something the bot can act on, found in a message: the text as written and its normalised
/// value (an order number without `#`, a lower-cased e-mail, a phone number's digits with `+`,
/// a date as `yyyy-mm-dd`, an amount as `12.50 EUR` or `12.50` when no currency was named).
public struct Entity: Sendable, Equatable {
    public var kind: EntityKind
    public var text: String
    public var value: String
}
