/// Whether a form takes answers: a draft is being built, a live one is on the shop, a closed
/// one keeps its answers and takes no more.
public enum FormStatus: String, Sendable, Codable, CaseIterable {
    case draft
    case live
    case closed
}
