extension Migration {
    /// Surveys in the customer's language (issue 24): the language each was asked in, so the
    /// thanks, the prompt for a reason and the answer page speak it too. Null: English (those
    /// asked before).
    static let surveyLanguages = Migration(version: 49, name: "survey languages") { _ in
        ["ALTER TABLE surveys ADD COLUMN language TEXT"]
    }
}
