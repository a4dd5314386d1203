import Foundation
import Hummingbird

/// `303 See Other` (after a form, the browser loads the next page with GET), and the checks
/// that keep a `next=` parameter on this site.
enum WebRedirect {
    static func to(_ location: String) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        return Response(status: .seeOther, headers: headers)
    }

    static func encoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~/")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? "/"
    }

    /// A path of this site (`/inbox?x=1`), never another host (`//evil.test`, `https://…`). Only
    /// visible ASCII without backslashes is taken: browsers drop tabs and line breaks from a URL
    /// and read `\` as `/`, so `/<tab>/evil.test` would otherwise become `//evil.test`.
    static func localPath(_ candidate: String?, default fallback: String) -> String {
        guard let candidate, candidate.utf8.count <= 2000, candidate.hasPrefix("/"), !candidate.hasPrefix("//"),
            candidate.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F && $0 != "\\" })
        else { return fallback }
        return candidate
    }
}
