import Mustache
import RapportCore

/// The workspace templates' escaping of `{{value}}`: `MarkupText`, which walks Unicode scalars.
/// swift-mustache's own HTML escaping walks characters, so a quote followed by a combining
/// mark would pass it unescaped and end an attribute (found by the help-Markdown fuzzer).
struct ScalarHTMLContentType: MustacheContentType {
    static let name = "RAPPORT_HTML"

    func escapeText(_ text: String) -> String { MarkupText.escape(text) }
}
