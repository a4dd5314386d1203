import Foundation

/// Help-centre articles' Markdown, which the public help pages render. Whatever the article
/// holds, the HTML has only the tags the renderer writes, and links only to web or site
/// addresses: no script, no event handler, no `javascript:` link.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHelpMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let html = MarkdownHTML.render(FuzzInput.text(data, size))
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
        rest = rest[open...]
        if let tag = rest.prefixMatch(of: /<\/?(p|h[1-4]|ul|ol|li|strong|em|code|a)>/) {
            rest = rest[tag.range.upperBound...]
        } else if let link = rest.prefixMatch(of: /<a href="([^"<>]*)">/) {
            let target = String(link.1).replacingOccurrences(of: "&amp;", with: "&").lowercased()
            FuzzInput.expect(
                target.hasPrefix("https://") || target.hasPrefix("http://") || (target.hasPrefix("/") && !target.hasPrefix("//")),
                "a link goes to a web or site address: \(target)")
            rest = rest[link.range.upperBound...]
        } else {
            FuzzInput.expect(false, "only the renderer's own tags: \(rest.prefix(60))")
        }
    }
    return 0
}
