/// A complete RFC 5322 message split for signing: its header fields, and where its body starts.
///
/// Line ends are checked here, once, because a signature is only as good as the agreement
/// between what was hashed and what a receiver reads. In the header block a CR or LF outside a
/// CRLF is refused: some readers would end a header line there and others would not, which is
/// how an injected header slips past what was signed. In the body each bare CR or LF becomes a
/// CRLF (RFC 5322 §2.3 allows no other line break, and SMTP servers refuse or rewrite them
/// differently), so the bytes signed are the bytes sent.
struct DKIMMessage: Sendable {
    /// The message as it is to be sent: the header block as given, the body with CRLF line ends.
    let bytes: [UInt8]
    let fields: [DKIMHeaderField]
    /// Where the body starts (after the empty line); `bytes.count` when the message has no body.
    let bodyStart: Int
    /// Whether the body had a bare CR or LF, so `bytes` differs from the message as given.
    let bodyLineEndsRewritten: Bool

    var body: ArraySlice<UInt8> { bytes[bodyStart...] }

    init(_ message: [UInt8]) throws {
        let carriageReturn = DKIMCanonicalization.carriageReturn
        let lineFeed = DKIMCanonicalization.lineFeed
        let count = message.count
        var fields: [DKIMHeaderField] = []
        var fieldStart: Int?
        var fieldEnd = 0
        var fieldName = ""
        var lineStart = 0
        var lineNumber = 0
        var bodyStart = count
        while lineStart < count {
            lineNumber += 1
            var lineEnd = lineStart
            while lineEnd < count, message[lineEnd] != carriageReturn, message[lineEnd] != lineFeed { lineEnd += 1 }
            let nextLine: Int
            if lineEnd == count {
                nextLine = count
            } else if message[lineEnd] == carriageReturn, lineEnd + 1 < count, message[lineEnd + 1] == lineFeed {
                nextLine = lineEnd + 2
            } else {
                throw DKIMError.bareLineBreakInHeader(line: lineNumber)
            }
            if lineEnd == lineStart {
                bodyStart = nextLine
                break
            }
            if DKIMCanonicalization.isWhiteSpace(message[lineStart]) {
                guard fieldStart != nil else { throw DKIMError.malformedHeader(line: lineNumber) }
            } else {
                if let start = fieldStart { fields.append(DKIMHeaderField(name: fieldName, range: start..<fieldEnd)) }
                fieldName = try Self.fieldName(in: message[lineStart..<lineEnd], line: lineNumber)
                fieldStart = lineStart
            }
            fieldEnd = lineEnd
            lineStart = nextLine
        }
        if let start = fieldStart { fields.append(DKIMHeaderField(name: fieldName, range: start..<fieldEnd)) }
        self.fields = fields
        self.bodyStart = bodyStart
        self.bytes = Self.withCRLFBody(message, bodyStart: bodyStart)
        // Rewriting only ever adds bytes (a CR or LF becomes two).
        self.bodyLineEndsRewritten = bytes.count != message.count
    }

    /// The lower-case name before the colon of a field's first line (RFC 5322 §3.6.8: visible
    /// ASCII other than the colon; white space before the colon is tolerated, as §3.4.2 expects).
    private static func fieldName(in text: ArraySlice<UInt8>, line: Int) throws -> String {
        guard let colon = text.firstIndex(of: DKIMCanonicalization.colon) else { throw DKIMError.malformedHeader(line: line) }
        var end = colon
        while end > text.startIndex, DKIMCanonicalization.isWhiteSpace(text[end - 1]) { end -= 1 }
        let name = text[text.startIndex..<end]
        guard !name.isEmpty, name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) else { throw DKIMError.malformedHeader(line: line) }
        return String(decoding: name.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// `message` with each bare CR or LF of the body made a CRLF; the same array, not a copy,
    /// when there is none (the usual case).
    private static func withCRLFBody(_ message: [UInt8], bodyStart: Int) -> [UInt8] {
        guard hasBareLineBreak(message[bodyStart...]) else { return message }
        let carriageReturn = DKIMCanonicalization.carriageReturn
        let lineFeed = DKIMCanonicalization.lineFeed
        var normalized: [UInt8] = []
        normalized.reserveCapacity(message.count + message.count / 16 + 2)
        normalized.append(contentsOf: message[..<bodyStart])
        var index = bodyStart
        while index < message.count {
            let byte = message[index]
            if byte == carriageReturn {
                normalized.append(contentsOf: DKIMCanonicalization.lineEnd)
                if index + 1 < message.count, message[index + 1] == lineFeed { index += 1 }
            } else if byte == lineFeed {
                normalized.append(contentsOf: DKIMCanonicalization.lineEnd)
            } else {
                normalized.append(byte)
            }
            index += 1
        }
        return normalized
    }

    private static func hasBareLineBreak(_ body: ArraySlice<UInt8>) -> Bool {
        let carriageReturn = DKIMCanonicalization.carriageReturn
        let lineFeed = DKIMCanonicalization.lineFeed
        return body.withUnsafeBufferPointer { bytes in
            for index in bytes.indices {
                switch bytes[index] {
                case lineFeed where index == 0 || bytes[index - 1] != carriageReturn: return true
                case carriageReturn where index + 1 == bytes.count || bytes[index + 1] != lineFeed: return true
                default: continue
                }
            }
            return false
        }
    }
}
