import Foundation

/// The Markdown of help articles as HTML: headings, paragraphs, bulleted and numbered
/// lists, **bold**, *emphasis*, `code` and [links](https://…). Everything else is text:
/// raw HTML in an article is shown, never run, and links go to http(s), mailto:, tel: or site paths only.
public enum MarkdownHTML {
    public static func render(_ markdown: String) -> String {
        var html = ""
        var paragraph: [String] = []
        var list: (tag: String, items: [String])?
        func flushParagraph() {
            if !paragraph.isEmpty { html += "<p>\(inline(paragraph.joined(separator: " ")))</p>\n" }
            paragraph = []
        }
        func flushList() {
            if let open = list { html += "<\(open.tag)>" + open.items.map { "<li>\(inline($0))</li>" }.joined() + "</\(open.tag)>\n" }
            list = nil
        }
        for rawLine in markdown.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                flushParagraph()
                flushList()
            } else if let (level, text) = heading(line) {
                flushParagraph()
                flushList()
                html += "<h\(level)>\(inline(text))</h\(level)>\n"
            } else if let (tag, text) = listItem(line) {
                flushParagraph()
                if list?.tag != tag { flushList() }
                list = (tag, (list?.items ?? []) + [text])
            } else {
                flushList()
                paragraph.append(line)
            }
        }
        flushParagraph()
        flushList()
        return html
    }

    private static func heading(_ line: String) -> (Int, String)? {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...4).contains(hashes), line.dropFirst(hashes).first == " " else { return nil }
        return (hashes, String(line.dropFirst(hashes + 1)))
    }

    private static func listItem(_ line: String) -> (String, String)? {
        if line.hasPrefix("- ") || line.hasPrefix("* ") { return ("ul", String(line.dropFirst(2))) }
        let digits = line.prefix { $0.isNumber }
        if !digits.isEmpty, line.dropFirst(digits.count).hasPrefix(". ") { return ("ol", String(line.dropFirst(digits.count + 2))) }
        return nil
    }

    /// Inline marks, applied to escaped text so nothing of the article's own becomes markup.
    static func inline(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let character = rest.first {
            if character == "[", let close = rest.range(of: "]("), let end = rest[close.upperBound...].firstIndex(of: ")") {
                let label = rest[rest.index(after: rest.startIndex)..<close.lowerBound]
                let target = String(rest[close.upperBound..<end])
                if isSafe(target) {
                    output += "<a href=\"\(MarkupText.escape(target))\">\(inline(String(label)))</a>"
                    rest = rest[rest.index(after: end)...]
                    continue
                }
            }
            if let (marker, tag) = [("**", "strong"), ("`", "code"), ("*", "em")].first(where: { rest.hasPrefix($0.0) }),
                let close = rest.dropFirst(marker.count).range(of: marker), close.lowerBound > rest.index(rest.startIndex, offsetBy: marker.count)
            {
                let inner = String(rest[rest.index(rest.startIndex, offsetBy: marker.count)..<close.lowerBound])
                output += "<\(tag)>\(tag == "code" ? MarkupText.escape(inner) : inline(inner))</\(tag)>"
                rest = rest[close.upperBound...]
                continue
            }
            output += MarkupText.escape(String(character))
            rest = rest.dropFirst()
        }
        return output
    }

    private static func isSafe(_ target: String) -> Bool {
        let lowered = target.lowercased()
        return (lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") || lowered.hasPrefix("tel:") || (target.hasPrefix("/") && !target.hasPrefix("//")))
            && !target.unicodeScalars.contains(where: { $0.properties.isWhitespace || $0.properties.generalCategory == .control || "\"<>'".unicodeScalars.contains($0) })
    }
}
