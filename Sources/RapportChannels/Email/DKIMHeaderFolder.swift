/// Lays out the DKIM-Signature field in lines of at most 78 characters (RFC 5322 §2.1.1),
/// breaking only where RFC 6376's tag grammar allows folding white space (§3.5): between tags,
/// after a colon of `h=`, and between any two characters of a base64 value. Only a value longer
/// than a whole line (a very long domain) makes a longer line, still far below 998.
struct DKIMHeaderFolder {
    static let width = 78
    private(set) var bytes: [UInt8]
    private var column: Int

    init(fieldName: String) {
        bytes = Array(fieldName.utf8)
        bytes.append(DKIMCanonicalization.colon)
        bytes.reserveCapacity(640)
        column = bytes.count
    }

    /// Appends `text` unbroken: after a space when `spaced`, right after what precedes otherwise;
    /// on a new line when this one has no room for it.
    mutating func append(_ text: String, spaced: Bool) {
        let length = text.utf8.count
        if column + length + (spaced ? 1 : 0) > Self.width, column > 1 {
            fold()
        } else if spaced {
            bytes.append(DKIMCanonicalization.space)
            column += 1
        }
        bytes.append(contentsOf: text.utf8)
        column += length
    }

    /// Appends a base64 value, filling each line and going on to the next.
    mutating func appendSplittable(_ text: [UInt8]) {
        var offset = 0
        while offset < text.count {
            if column >= Self.width { fold() }
            let length = min(Self.width - column, text.count - offset)
            bytes.append(contentsOf: text[offset..<(offset + length)])
            column += length
            offset += length
        }
    }

    /// Ends the field with its CRLF.
    mutating func finish() {
        bytes.append(contentsOf: DKIMCanonicalization.lineEnd)
    }

    private mutating func fold() {
        bytes.append(contentsOf: DKIMCanonicalization.lineEnd)
        bytes.append(DKIMCanonicalization.space)
        column = 1
    }
}
