/// Why a record of a file cannot be imported.
struct ImportProblem: Error {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}
