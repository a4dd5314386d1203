import Foundation
import RapportCore

/// `/forms/{id}`: one form as the builder shows it — its settings, questions and results, each
/// removable, boxes to add more, the code to embed it, and the latest answers.
struct FormBuilderView: TemplateView {
    struct Choice: TemplateView {
        let value: String
        let label: String
        let selected: Bool
    }

    struct Question: TemplateView {
        let key: String
        let label: String
        let kind: String
        let required: Bool
        let attribute: String?
        let options: String
        let first: Bool
    }

    struct Result: TemplateView {
        let key: String
        let title: String
        let text: String?
        let products: String
    }

    struct Answer: TemplateView {
        let when: String
        let customerID: String?
        let result: String?
        let summary: String
        let confirmation: Bool
    }

    let id: String
    let name: String
    let kinds: [Choice]
    let statuses: [Choice]
    let intro: String
    let thankYou: String
    let allowedOrigins: String
    let consentPurposes: String
    let consentText: String
    let questions: [Question]
    let hasQuestions: Bool
    let results: [Result]
    let hasResults: Bool
    let questionKinds: [Choice]
    let embed: String
    let answerCount: Int
    let answers: [Answer]
    let mayManage: Bool
    let isLive: Bool
    var saved = false
    var errors: [String] = []
    var hasErrors = false

    init(_ form: Form, answerCount: Int, recent: [FormResponse], base: String, mayManage: Bool) {
        id = form.id
        name = form.name
        kinds = FormKind.allCases.map { Choice(value: $0.rawValue, label: $0 == .quiz ? "Quiz (scores a result)" : "Form", selected: $0 == form.kind) }
        statuses = FormStatus.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue.capitalized, selected: $0 == form.status) }
        intro = form.definition.intro ?? ""
        thankYou = form.definition.thankYou ?? ""
        allowedOrigins = form.definition.allowedOrigins.joined(separator: "\n")
        consentPurposes = form.definition.consent?.purposes.joined(separator: ", ") ?? ""
        consentText = form.definition.consent?.text ?? ""
        questions = form.definition.questions.enumerated().map { index, question in
            Question(
                key: question.key, label: question.label, kind: question.kind.rawValue, required: question.required, attribute: question.attribute,
                options: FormBuilderForms.optionsText(question.options), first: index == 0)
        }
        hasQuestions = !questions.isEmpty
        results = form.definition.results.map { Result(key: $0.key, title: $0.title, text: $0.text, products: $0.productIDs.joined(separator: ", ")) }
        hasResults = !results.isEmpty
        questionKinds = FormQuestionKind.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue, selected: $0 == .choice) }
        embed = """
            <div id="rapport-form"></div>
            <script src="\(base)/form.js" data-workspace="\(form.workspaceID)" data-form="\(form.id)" data-key="rwk_…" async></script>
            """
        self.answerCount = answerCount
        answers = recent.map { response in
            Answer(
                when: WebFormat.time(response.createdAt), customerID: response.customerID, result: response.resultKey,
                summary: response.answers.keys.sorted().map { "\($0): \(Self.text(response.answers[$0]))" }.joined(separator: "; "),
                confirmation: response.signUpID != nil)
        }
        self.mayManage = mayManage
        isLive = form.status == .live
    }

    private static func text(_ value: JSONValue?) -> String {
        switch value {
        case .array(let items)?: items.compactMap(\.text).joined(separator: ", ")
        case let value?: value.text ?? ""
        case nil: ""
        }
    }
}
