import Foundation

/// A header line as Rapport writes it: CRLF appears only to fold (followed by a space), no
/// bare CR or LF, no other control character, and no line over RFC 5322's 998 characters.
enum HeaderLineCheck {
    static func isSingleHeader(_ line: String) -> Bool {
        let pieces = line.components(separatedBy: "\r\n")
        for (index, piece) in pieces.enumerated() {
            if index > 0 && !piece.hasPrefix(" ") { return false }
            if piece.utf8.count > 998 { return false }
            if piece.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\t" || $0.value == 0x7F }) { return false }
        }
        return true
    }
}
