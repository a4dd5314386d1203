import Foundation
import RapportCore

/// One page of Meta's answer to `GET /{waba_id}/message_templates`: `data`, the templates, each
/// with its `components` (`HEADER`, `BODY`, `FOOTER`, `BUTTONS`), and `paging` with the URL of
/// the next page (absent on the last).
struct WhatsAppTemplatePage: Sendable {
    var templates: [WhatsAppTemplate]
    var next: String?

    /// Nil when the text is not such a page (no `data` list); a template without a name or a
    /// language is skipped.
    init?(json text: String) {
        guard let root = try? JSONParser.parse(Array(text.utf8)), case .array(let data)? = root["data"] else { return nil }
        templates = data.compactMap(Self.template)
        next = root["paging"]?["next"]?.text
    }

    private static func template(_ item: JSONValue) -> WhatsAppTemplate? {
        guard let name = item["name"]?.text, let language = item["language"]?.text else { return nil }
        let components = item["components"]?.items ?? []
        func component(_ type: String) -> JSONValue? {
            components.first { $0["type"]?.text?.uppercased() == type }
        }
        let header = component("HEADER")
        let buttons = component("BUTTONS")?["buttons"]?.items ?? []
        return WhatsAppTemplate(
            name: name, language: language, status: item["status"]?.text ?? "", category: item["category"]?.text ?? "",
            body: component("BODY")?["text"]?.text ?? "", parameterFormat: item["parameter_format"]?.text,
            headerFormat: header?["format"]?.text ?? (header == nil ? nil : "TEXT"), header: header?["text"]?.text,
            footer: component("FOOTER")?["text"]?.text, variableButtons: buttons.filter(takesValue).map { $0["text"]?.text ?? "" })
    }

    /// Whether a button needs a value in the send: a link with a variable, a code to copy, a
    /// one-time password.
    private static func takesValue(_ button: JSONValue) -> Bool {
        switch button["type"]?.text?.uppercased() {
        case "URL"?: button["url"]?.text?.contains("{{") ?? false
        case "COPY_CODE"?, "OTP"?: true
        default: false
        }
    }
}
