import Foundation

/// Header lines and SMTP arguments built so that nothing a customer wrote can start a header
/// or a command of its own: control characters (CR and LF above all) never pass, text that is
/// not ASCII becomes RFC 2047 encoded words, and long lines are folded at white space to stay
/// within RFC 5322's 78 characters (§2.1.1, §2.2.3).
enum HeaderText {
    static let foldWidth = 78
    /// An encoded word may be 75 characters (RFC 2047 §2); 39 bytes of text make one of 64, so
    /// that even after `Subject: ` or `From: ` a line stays within 78.
    static let encodedWordBytes = 39

    /// `Name: value`, folded with CRLF and a space where the value is long.
    static func line(_ name: String, _ value: String) -> String {
        plainLine(name, value) ?? foldedLine(name, value)
    }

    /// The common case at once: printable ASCII, single spaces inside, short enough for one
    /// line, which `foldedLine` would give back unchanged after `Name: `.
    static func plainLine(_ name: String, _ value: String) -> String? {
        guard name.utf8.count + 2 + value.utf8.count <= foldWidth else { return nil }
        var previous = UInt8(ascii: " ")
        for byte in value.utf8 {
            guard (0x20...0x7E).contains(byte), byte != 0x20 || previous != 0x20 else { return nil }
            previous = byte
        }
        return previous == 0x20 ? nil : name + ": " + value
    }

    /// Control characters made spaces, the ends trimmed, non-ASCII text as encoded words, and
    /// the words folded into lines of at most 78 characters where a word allows it.
    static func foldedLine(_ name: String, _ value: String) -> String {
        fold(name + ":", asciiWords(value) ?? scalarWords(value))
    }

    /// An ASCII value's words, read off its bytes: what lies between spaces and control
    /// characters (so the ends are trimmed with them). Nil for any other value.
    static func asciiWords(_ value: String) -> [String]? {
        guard value.utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
        return value.utf8.split(whereSeparator: { $0 <= 0x20 || $0 == 0x7F }).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Any value's words: control characters made spaces and the ends trimmed, then the words
    /// between spaces if that left ASCII, else encoded words.
    static func scalarWords(_ value: String) -> [String] {
        let clean = String(String.UnicodeScalarView(value.unicodeScalars.map { isControl($0) ? " " : $0 }))
            .trimmingCharacters(in: .whitespaces)
        return clean.unicodeScalars.allSatisfy(\.isASCII) ? clean.split(separator: " ").map(String.init) : encodedWords(clean)
    }

    /// `text` as RFC 2047 encoded words of at most 64 characters each, split between code
    /// points (each word holds whole characters of its charset, as §5 asks).
    static func encodedWords(_ text: String) -> [String] {
        var words: [String] = []
        var chunk = String.UnicodeScalarView()
        var bytes = 0
        for scalar in text.unicodeScalars {
            let size = String(scalar).utf8.count
            if bytes + size > encodedWordBytes, !chunk.isEmpty {
                words.append(encodedWord(String(chunk)))
                chunk = String.UnicodeScalarView()
                bytes = 0
            }
            chunk.append(scalar)
            bytes += size
        }
        if !chunk.isEmpty { words.append(encodedWord(String(chunk))) }
        return words
    }

    /// An address fit for a header and for `MAIL FROM`/`RCPT TO`: visible ASCII only (Rapport
    /// does not speak SMTPUTF8), one `@`, no brackets, at most 254 characters (RFC 5321 §4.5.3.1.3).
    static func isSafeAddress(_ address: String) -> Bool {
        guard !address.isEmpty, address.utf8.count <= 254, address.filter({ $0 == "@" }).count == 1 else { return false }
        return address.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" && $0 != "," && $0 != "\\" }
    }

    /// A Message-ID fit for `In-Reply-To` and `References` (without its brackets).
    static func isSafeMessageID(_ id: String) -> Bool {
        !id.isEmpty && id.utf8.count <= 250 && id.unicodeScalars.allSatisfy { $0.value > 0x20 && $0.value < 0x7F && $0 != "<" && $0 != ">" }
    }

    private static func encodedWord(_ text: String) -> String {
        "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value) || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The words after `start`, a line of at most 78 characters each where a word allows it.
    private static func fold(_ start: String, _ words: [String]) -> String {
        var lines: [String] = []
        var current = start
        for word in words {
            if current.count + 1 + word.count > foldWidth, current != start {
                lines.append(current)
                current = ""
            }
            current += " " + word
        }
        lines.append(current)
        return lines.joined(separator: "\r\n")
    }
}
