/// One step of a journey, by a key that stays when the draft is edited (counts follow it).
public struct JourneyStep: Sendable, Equatable {
    public var key: String
    public var kind: JourneyStepKind

    public init(key: String, kind: JourneyStepKind) {
        self.key = key
        self.kind = kind
    }
}
