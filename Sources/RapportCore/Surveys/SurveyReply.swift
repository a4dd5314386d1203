import Foundation

/// A customer's text read as an answer: a whole number on the survey's scale, alone ("9",
/// "9/10", "9 out of 10", "9 dari 10", "10!") or with a comment after a separator ("4 - quick and kind",
/// "8: fast delivery", "5 🙂", "9/10 great", or on the next line). A number that starts a sentence is not an
/// answer ("2 weeks and still no parcel", "10 days late"), nor is anything off the scale
/// ("12", "4.5"): those stay messages for the team.
public struct SurveyReply: Sendable, Equatable {
    public static let maximumCommentLength = 2000

    public var score: Int
    public var comment: String?

    public init(score: Int, comment: String? = nil) {
        self.score = score
        self.comment = comment
    }

    public init?(_ text: String?, kind: SurveyKind) {
        guard var rest = text?.trimmed[...], let first = rest.first, first.isASCII, first.isNumber else { return nil }
        let digits = rest.prefix(while: { $0.isASCII && $0.isNumber })
        guard digits.count <= 2, let score = Int(digits), kind.scale.contains(score) else { return nil }
        rest = rest.dropFirst(digits.count)
        if let next = rest.first, next == "." || next == ",", rest.dropFirst().first?.isNumber == true { return nil }
        var onScale = false
        for outOf in ["/\(kind.scale.upperBound)", " / \(kind.scale.upperBound)", " out of \(kind.scale.upperBound)", " dari \(kind.scale.upperBound)"]
        where rest.lowercased().hasPrefix(outOf) {
            rest = rest.dropFirst(outOf.count)
            onScale = true
            break
        }
        let afterSpaces = rest.drop(while: { $0 == " " || $0 == "\t" })
        // A word or another number after a bare number makes a sentence ("2 weeks", "4/5" on a
        // 0–10 scale); a separator, a symbol or an emoji ("5 🙂") leaves it an answer, and so
        // does anything after the scale given ("9/10 great").
        if !onScale, let next = afterSpaces.first, next.isLetter || next.isNumber || next == "/" { return nil }
        let comment = String(afterSpaces).trimmingCharacters(in: .whitespacesAndNewlines.union(.init(charactersIn: "-–—:.,;!")))
        self.score = score
        self.comment = comment.isEmpty ? nil : String(comment.prefix(Self.maximumCommentLength))
    }
}
