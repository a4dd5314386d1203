/// Where a card goes in its stage: at the top, or right after or before another card of it.
public enum DealPlacement: Sendable, Equatable {
    case top
    case after(String)
    case before(String)
}
