/// One option of a select or one box of a group: the value sent, the words shown, and
/// whether it is the current choice.
struct ChoiceView: TemplateView {
    let value: String
    var label: String?
    var selected = false

    init(value: String, label: String? = nil, selected: Bool = false) {
        self.value = value
        self.label = label
        self.selected = selected
    }
}
