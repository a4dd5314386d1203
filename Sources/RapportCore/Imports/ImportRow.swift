/// One record to import with the line it came from, so a rejection can name it.
public struct ImportRow<Input: Sendable>: Sendable {
    public var line: Int
    public var input: Input

    public init(line: Int, input: Input) {
        self.line = line
        self.input = input
    }
}
