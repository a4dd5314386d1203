/// A journey's draft as forms: the settings around the steps, and each step.
public struct JourneyDraftForms: Sendable, Equatable {
    public let settings: [JourneyFormField]
    /// The settings as JSON (the definition without its steps).
    public let settingsJSON: String
    public let steps: [JourneyStepForm]

    public init(settings: [JourneyFormField], settingsJSON: String, steps: [JourneyStepForm]) {
        self.settings = settings
        self.settingsJSON = settingsJSON
        self.steps = steps
    }
}
