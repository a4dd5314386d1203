import Foundation

/// Reading a `Content-Type` header.
public enum MediaType {
    /// The media type without its parameters, lowercased: `Text/CSV; charset=utf-8` is `text/csv`.
    public static func essence(of contentType: String) -> String {
        contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
    }
}
