import Foundation

/// The new part of a reply: what comes before the quoted history ("On … wrote:", lines
/// starting with ">", Outlook's "-----Original Message-----"). The full message stays in the
/// raw payload.
enum ReplyText {
    static func latest(_ original: String) -> String {
        let text = original.replacingOccurrences(of: "\r\n", with: "\n")
        var kept: [Substring] = []
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(">") || trimmed.hasPrefix("-----Original Message-----") { break }
            if trimmed.hasPrefix("On ") && trimmed.hasSuffix("wrote:") { break }
            kept.append(line)
        }
        let reply = kept.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        return reply.isEmpty ? text.trimmingCharacters(in: .whitespacesAndNewlines) : reply
    }
}
