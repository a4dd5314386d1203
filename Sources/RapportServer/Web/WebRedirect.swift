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

    /// A path of this site (`/inbox?x=1`), never another host (`//evil.test`, `https://…`).
    static func localPath(_ candidate: String?, default fallback: String) -> String {
        guard let candidate, candidate.hasPrefix("/"), !candidate.hasPrefix("//"), !candidate.hasPrefix("/\\"),
            !candidate.contains("\r"), !candidate.contains("\n"), candidate.count <= 2000
        else { return fallback }
        return candidate
    }
}
