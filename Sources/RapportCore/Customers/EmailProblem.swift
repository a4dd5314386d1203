/// Why an e-mail address was refused.
struct EmailProblem: Error, Sendable {
    var message: String

    init(_ message: String) {
        self.message = message
    }
}
