import RapportCore

/// A live form as the snippet draws it: its questions and options, the consent box's words.
/// Which option counts towards which result, and the results, stay on the server.
struct PublicFormResource: Encodable {
    struct Question: Encodable {
        let key: String
        let label: String
        let kind: FormQuestionKind
        let required: Bool
        let options: [Option]
    }

    struct Option: Encodable {
        let value: String
        let label: String
    }

    let id: String
    let object = "form"
    let name: String
    let kind: FormKind
    let intro: String?
    let questions: [Question]
    let consentText: String?

    init(_ form: Form) {
        id = form.id
        name = form.name
        kind = form.kind
        intro = form.definition.intro
        questions = form.definition.questions.map { question in
            Question(
                key: question.key, label: question.label, kind: question.kind, required: question.required,
                options: question.options.map { Option(value: $0.value, label: $0.label) })
        }
        consentText = form.definition.consent?.text
    }
}
