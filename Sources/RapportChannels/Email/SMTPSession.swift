import NIOCore

/// The command-and-reply exchange of one SMTP connection: multi-line replies (`250-…`,
/// `250 …`) are read whole; an unexpected code is an `SMTPError`.
struct SMTPSession {
    var lines: NIOAsyncChannelInboundStream<ByteBuffer>.AsyncIterator
    let outbound: NIOAsyncChannelOutboundWriter<ByteBuffer>
    /// The server offers PIPELINING (RFC 2920): a transaction's commands may go out together.
    var pipelining = false

    mutating func command(_ line: String, expecting codes: Int..., shown: String? = nil) async throws -> [String] {
        try await write(line + "\r\n")
        return try await expect(shown ?? line, codes)
    }

    func write(_ text: String) async throws {
        try await outbound.write(ByteBuffer(string: text))
    }

    func write(bytes: [UInt8]) async throws {
        try await outbound.write(ByteBuffer(bytes: bytes))
    }

    mutating func expect(_ command: String, _ codes: Int...) async throws -> [String] {
        try await expect(command, codes)
    }

    mutating func expect(_ command: String, _ codes: [Int]) async throws -> [String] {
        var texts: [String] = []
        while true {
            guard let buffer = try await lines.next() else { throw SMTPError.connectionClosed }
            var line = String(buffer: buffer)
            if line.hasSuffix("\r") { line.removeLast() }
            let code = Int(line.prefix(3)) ?? 0
            texts.append(String(line.dropFirst(4)))
            if line.count < 4 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                guard codes.contains(code) else {
                    throw SMTPError.rejected(command: command, code: code, text: texts.joined(separator: " "))
                }
                return texts
            }
        }
    }
}
