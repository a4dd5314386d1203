import RapportCore

/// The words of a survey's answer page in the language the survey was asked in (English or
/// Indonesian). `%@` takes the score or the comment (`filled`).
struct SurveyPageWording: Sendable, Encodable {
    /// The page's title: `%@` takes the store.
    let title: String
    let refused: String
    let expired: String
    let answered: String
    let addComment: String
    let addCommentOptional: String
    let sendComment: String
    let sendAnswer: String
    let yourComment: String
    let noMore: String

    static let english = SurveyPageWording(
        title: "A question from %@", refused: "You will not be asked for surveys here again.", expired: "This survey has closed. Thank you all the same.",
        answered: "Thank you for your answer: %@.", addComment: "Anything you would like to add?",
        addCommentOptional: "Anything you would like to add? (optional)", sendComment: "Send comment", sendAnswer: "Send answer",
        yourComment: "Your comment: %@", noMore: Survey.noMore(in: .english))

    static let indonesian = SurveyPageWording(
        title: "Pertanyaan dari %@", refused: "Kami tidak akan mengirimi Anda survei lagi melalui saluran ini.",
        expired: "Survei ini sudah ditutup. Terima kasih atas perhatian Anda.",
        answered: "Terima kasih atas jawaban Anda: %@.", addComment: "Ada yang ingin Anda tambahkan?",
        addCommentOptional: "Ada yang ingin Anda tambahkan? (opsional)", sendComment: "Kirim komentar", sendAnswer: "Kirim jawaban",
        yourComment: "Komentar Anda: %@", noMore: Survey.noMore(in: .indonesian))

    static func of(_ language: BotLanguage) -> SurveyPageWording {
        language == .indonesian ? indonesian : english
    }

    /// The words with the store, the answer's score and its comment in their places.
    func filled(store: String, score: Int?, comment: String?) -> SurveyPageWording {
        SurveyPageWording(
            title: title.replacingOccurrences(of: "%@", with: store), refused: refused, expired: expired, answered: answered.replacingOccurrences(of: "%@", with: score.map(String.init) ?? ""),
            addComment: addComment, addCommentOptional: addCommentOptional, sendComment: sendComment, sendAnswer: sendAnswer,
            yourComment: yourComment.replacingOccurrences(of: "%@", with: comment ?? ""), noMore: noMore)
    }
}
