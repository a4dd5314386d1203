/// What the classifier makes of a text: the intent, or nil when it matches none (out of
/// scope), with the margin of the best in-scope intent and a confidence between 0 and 1.
public struct IntentPrediction: Sendable, Equatable {
    public var intent: String?
    /// The best in-scope intent, even when the text was judged out of scope.
    public var nearest: String
    public var margin: Double
    public var confidence: Double
}
