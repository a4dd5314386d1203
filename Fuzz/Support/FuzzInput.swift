/// The bytes libFuzzer hands a target, and the check every target makes of what the parser
/// built from them: a broken promise stops the run with the input saved as a crash file.
enum FuzzInput {
    static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        guard let data, size > 0 else { return [] }
        return Array(UnsafeBufferPointer(start: data, count: size))
    }

    static func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
        String(decoding: bytes(data, size), as: UTF8.self)
    }

    static func expect(_ condition: @autoclosure () -> Bool, _ promise: String) {
        if !condition() { fatalError("broken promise: \(promise)") }
    }
}
