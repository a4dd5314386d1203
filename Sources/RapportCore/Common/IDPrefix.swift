/// The type prefix of every public identifier, so an id says what it names (`cus_…`, `int_…`).
public enum IDPrefix: String, Sendable, CaseIterable {
    case workspace = "wsp"
    case apiKey = "key"
    case customer = "cus"
    case identity = "idn"
    case interaction = "int"
    case merge = "mrg"
    case mergeSuggestion = "msg"
    case event = "evt"
    case request = "req"
}
