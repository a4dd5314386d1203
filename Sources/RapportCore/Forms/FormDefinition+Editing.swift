import Foundation

/// The builder's one-piece edits of a definition: a question removed or moved up, a result
/// removed with the options' counts towards it. A key the form does not have is a 404.
extension FormDefinition {
    public mutating func removeQuestion(key: String) throws {
        questions.remove(at: try Self.index(of: key, in: questions.map(\.key)))
    }

    public mutating func moveQuestionUp(key: String) throws {
        let index = try Self.index(of: key, in: questions.map(\.key))
        if index > 0 { questions.swapAt(index, index - 1) }
    }

    /// The result goes, and no option counts towards it any more.
    public mutating func removeResult(key: String) throws {
        results.remove(at: try Self.index(of: key, in: results.map(\.key)))
        for question in questions.indices {
            for option in questions[question].options.indices {
                questions[question].options[option].results.removeAll { $0 == key }
            }
        }
    }

    private static func index(of key: String, in keys: [String]) throws -> Int {
        guard let index = keys.firstIndex(of: key) else { throw RapportError.notFound("No question or result \(key.prefix(40)) in this form.") }
        return index
    }
}
