import Foundation

/// Text in the charsets mail still arrives in: UTF-8, ASCII, ISO-8859-1/-15, Windows-1252,
/// UTF-16. An unknown charset is read as UTF-8, with invalid bytes replaced.
enum Charsets {
    static func decode(_ bytes: [UInt8], charset: String?) -> String {
        switch (charset ?? "utf-8").trimmingCharacters(in: .whitespaces).lowercased() {
        case "iso-8859-1", "latin1", "iso_8859-1", "iso-8859-15", "l1":
            return String(data: Data(bytes), encoding: .isoLatin1) ?? String(decoding: bytes, as: UTF8.self)
        case "windows-1252", "cp1252":
            return String(data: Data(bytes), encoding: .windowsCP1252) ?? String(decoding: bytes, as: UTF8.self)
        case "utf-16":
            return String(data: Data(bytes), encoding: .utf16) ?? String(decoding: bytes, as: UTF8.self)
        default:
            return String(decoding: bytes, as: UTF8.self)
        }
    }
}
