import Foundation
import Hummingbird
import Mustache

/// The workspace's HTML templates (swift-mustache), read once from the bundle. `{{value}}`
/// is HTML-escaped; the templates use no unescaped output except server-built SVG charts.
struct WebTemplates: Sendable {
    let library: MustacheLibrary

    /// Every `*.mustache` file of the bundle's `templates` folder, by its name without extension.
    static func load() throws -> WebTemplates {
        MustacheContentTypes.register(ScalarHTMLContentType(), named: ScalarHTMLContentType.name)
        var library = MustacheLibrary()
        guard let folder = Bundle.module.url(forResource: "templates", withExtension: nil) else {
            throw WebTemplateError.missing("templates")
        }
        let files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
        for file in files where file.pathExtension == "mustache" {
            // Every template (partials too) escapes with `ScalarHTMLContentType`.
            let text = "{{% CONTENT_TYPE: \(ScalarHTMLContentType.name)}}" + (try String(contentsOf: file, encoding: .utf8))
            try library.register(text, named: file.deletingPathExtension().lastPathComponent)
        }
        return WebTemplates(library: library)
    }

    func html(_ template: String, _ view: some TemplateView) throws -> String {
        try html(template, values: try view.templateValues())
    }

    func html(_ template: String, values: [String: Any]) throws -> String {
        guard let text = library.render(values, withTemplate: template) else { throw WebTemplateError.missing(template) }
        return text
    }

    /// A page as a response (`text/html`).
    func page(_ template: String, _ view: some TemplateView, status: HTTPResponse.Status = .ok) throws -> Response {
        try page(template, values: try view.templateValues(), status: status)
    }

    func page(_ template: String, values: [String: Any], status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try html(template, values: values))))
    }
}
