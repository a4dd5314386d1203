/// The journey page's editor of the draft (the `journey` template's `editor`): the settings
/// and each step as a form of its fields and as JSON, a step added after another, one taken
/// out. For those who manage journeys, while the journey is not archived.
struct JourneyDraftEditorView: TemplateView {
    struct Field: TemplateView {
        /// The form's field name: `f.` and the path.
        let name: String
        let id: String
        let label: String
        let value: String
        let isText: Bool
        let isLongText: Bool
        let isNumber: Bool
        let isChoice: Bool
        let isJSON: Bool
        /// For a choice: true/false, or the steps to go to.
        let options: [ChoiceView]
    }

    struct Step: TemplateView {
        let key: String
        let type: String
        let fields: [Field]
        let json: String
        let open: Bool
    }

    let settings: [Field]
    let settingsJSON: String
    let settingsOpen: Bool
    let steps: [Step]
    /// The step types a new step may take.
    let types: [ChoiceView]
    /// The steps a new one may follow, the last chosen.
    let after: [ChoiceView]
}
