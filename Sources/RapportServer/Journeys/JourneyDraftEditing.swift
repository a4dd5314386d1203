import RapportCore

/// What the journey page shows of a draft being edited: the part opened, and after a refused
/// save the values sent, shown again instead of the draft's so nothing typed is lost.
struct JourneyDraftEditing: Sendable {
    var part: JourneyDraftPart?
    var submitted: [String: String] = [:]
    var submittedJSON: String?

    /// The editor for the draft's forms, the part `editing` names opened.
    static func view(_ forms: JourneyDraftForms, editing: JourneyDraftEditing) -> JourneyDraftEditorView {
        let keys = forms.steps.map(\.key)
        // A new step goes after one with a single way on.
        let followable = forms.steps.filter { JourneyDraftForm.hasOneWayOn($0.type) }.map(\.key)
        func fields(_ fields: [JourneyFormField], part: String, opened: Bool) -> [JourneyDraftEditorView.Field] {
            fields.map { field in
                let value = opened ? editing.submitted[field.path] ?? field.value : field.value
                let options: [ChoiceView]
                switch field.input {
                case .flag: options = ["true", "false"].map { .init(value: $0, label: $0 == "true" ? "yes" : "no", selected: $0 == value) }
                case .step:
                    options = [.init(value: "", label: "(the journey ends)", selected: value.isEmpty)]
                        + keys.map { .init(value: $0, label: $0, selected: $0 == value) }
                default: options = []
                }
                return JourneyDraftEditorView.Field(
                    name: "f.\(field.path)", id: "\(part)-\(field.path.replacingOccurrences(of: ".", with: "-"))",
                    label: field.path.replacingOccurrences(of: ".", with: " › ").replacingOccurrences(of: "_", with: " "), value: value,
                    isText: field.input == .text, isLongText: field.input == .longText, isNumber: field.input == .number,
                    isChoice: field.input == .flag || field.input == .step, isJSON: field.input == .json, options: options)
            }
        }
        let settingsOpen = editing.part == .settings
        let steps = forms.steps.map { step in
            let opened = editing.part == .step(step.key)
            return JourneyDraftEditorView.Step(
                key: step.key, type: step.type, fields: fields(step.fields, part: "step-\(step.key)", opened: opened),
                json: opened ? editing.submittedJSON ?? step.json : step.json, open: opened)
        }
        return JourneyDraftEditorView(
            settings: fields(forms.settings, part: "settings", opened: settingsOpen),
            settingsJSON: settingsOpen ? editing.submittedJSON ?? forms.settingsJSON : forms.settingsJSON, settingsOpen: settingsOpen,
            steps: steps, types: JourneyDraftForm.stepTypes.map { .init(value: $0, label: $0.replacingOccurrences(of: "_", with: " "), selected: $0 == "wait") },
            after: followable.map { .init(value: $0, label: $0, selected: $0 == followable.last) })
    }
}
