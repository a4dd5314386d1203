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

    func html(_ template: String, _ view: any MustacheParent) throws -> String {
        guard let text = library.render(view, withTemplate: template) else { throw WebTemplateError.missing(template) }
        return text
    }

    /// A page as a response (`text/html`).
    func page(_ template: String, _ view: any MustacheParent, status: HTTPResponse.Status = .ok) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: try html(template, view))))
    }
}
