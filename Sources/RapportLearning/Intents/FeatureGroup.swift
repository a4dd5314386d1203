/// The kinds of features `TextFeatures` makes; `TFIDFWeighting` scales each kind to its own
/// length, so the many character n-grams do not drown the words.
public enum FeatureGroup: Sendable, CaseIterable {
    case words
    case wordPairs
    case characters

    /// How much the group counts against the others once each is scaled to length 1.
    var weight: Double {
        switch self {
        case .words, .characters: 1
        case .wordPairs: 0.5
        }
    }
}
