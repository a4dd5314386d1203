/// A step of a journey's draft as the workspace edits it: its key and type, which stay, and
/// its fields.
public struct JourneyStepForm: Sendable, Equatable {
    public let key: String
    public let type: String
    public let fields: [JourneyFormField]
    /// The whole step as JSON, for what the fields cannot say (a field it does not have yet).
    public let json: String

    public init(key: String, type: String, fields: [JourneyFormField], json: String) {
        self.key = key
        self.type = type
        self.fields = fields
        self.json = json
    }
}
