import RapportCore
import Testing

@Suite("Form builder edits")
struct FormDefinitionEditingTests {
    static let definition = FormDefinition(
        questions: [
            FormQuestion(key: "roast", label: "Roast", kind: .choice, options: [
                FormOption(value: "light", label: "Light", results: ["fruity", "bold"]), FormOption(value: "dark", label: "Dark", results: ["bold"]),
            ]),
            FormQuestion(key: "email", label: "E-mail", kind: .email),
        ],
        results: [FormResult(key: "fruity", title: "Fruity"), FormResult(key: "bold", title: "Bold")])

    @Test("a removed result goes from every option; a question moves up or goes; an unknown key is not found and changes nothing")
    func edits() throws {
        var definition = Self.definition
        try definition.removeResult(key: "bold")
        #expect(definition.results.map(\.key) == ["fruity"])
        #expect(definition.questions[0].options.map(\.results) == [["fruity"], []])
        try definition.moveQuestionUp(key: "email")
        #expect(definition.questions.map(\.key) == ["email", "roast"])
        try definition.moveQuestionUp(key: "email")
        #expect(definition.questions.map(\.key) == ["email", "roast"], "the first stays first")
        try definition.removeQuestion(key: "roast")
        #expect(definition.questions.map(\.key) == ["email"])
        let before = definition
        #expect(throws: RapportError.self) { try definition.removeResult(key: "nope") }
        #expect(throws: RapportError.self) { try definition.removeQuestion(key: "nope") }
        #expect(definition == before)
    }
}
