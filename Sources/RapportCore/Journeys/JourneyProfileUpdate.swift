/// What a step changes on the customer's profile.
public struct JourneyProfileUpdate: Sendable, Equatable {
    public var addTags: [String]
    public var removeTags: [String]
    public var attributes: [String: String]

    public init(addTags: [String] = [], removeTags: [String] = [], attributes: [String: String] = [:]) {
        self.addTags = addTags
        self.removeTags = removeTags
        self.attributes = attributes
    }
}
