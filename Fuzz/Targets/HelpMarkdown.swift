import Foundation
import RapportCore

/// Help-centre articles' Markdown, which the public help pages and campaign e-mails render. Whatever the article
/// holds, the HTML has only the tags the renderer writes, and links only to web, mail, phone or site
/// addresses: no script, no event handler, no `javascript:` link. Read as Unicode scalars, as
/// a browser reads it (a bracket followed by a combining mark is one Swift character).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHelpMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let html = Array(MarkdownHTML.render(FuzzInput.text(data, size)).unicodeScalars)
    let tags: Set<String> = Set(["p", "h1", "h2", "h3", "h4", "ul", "ol", "li", "strong", "em", "code", "a"].flatMap { ["<\($0)>", "</\($0)>"] })
    var index = 0
    while index < html.count {
        defer { index += 1 }
        guard html[index] == "<" else { continue }
        guard let close = html[index...].firstIndex(of: ">") else {
            FuzzInput.expect(false, "an unclosed tag")
            return 0
        }
        var tagView = String.UnicodeScalarView()
        tagView.append(contentsOf: html[index...close])
        let tag = String(tagView)
        index = close
        if tags.contains(tag) { continue }
        let opening = Array("<a href=\"".unicodeScalars), ending = Array("\">".unicodeScalars)
        let scalars = Array(tag.unicodeScalars)
        guard scalars.starts(with: opening), scalars.count >= opening.count + ending.count, Array(scalars.suffix(2)) == ending else {
            FuzzInput.expect(false, "only the renderer's own tags: \(tag.prefix(60))")
            return 0
        }
        let inside = scalars[opening.count..<(scalars.count - ending.count)]
        FuzzInput.expect(!inside.contains("\"") && !inside.contains("<"), "a link's target stays inside its quotes")
        var targetView = String.UnicodeScalarView()
        targetView.append(contentsOf: inside)
        let target = String(targetView).replacingOccurrences(of: "&amp;", with: "&").lowercased()
        FuzzInput.expect(
            target.hasPrefix("https://") || target.hasPrefix("http://") || target.hasPrefix("mailto:") || target.hasPrefix("tel:")
                || (target.hasPrefix("/") && !target.hasPrefix("//")),
            "a link goes to a web, mail, phone or site address: \(target)")
    }
    return 0
}
