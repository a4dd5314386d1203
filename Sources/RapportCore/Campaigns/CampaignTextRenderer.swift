/// Fills in an SMS or WhatsApp campaign message for one recipient.
///
/// An SMS is its text with the variables filled in, ending with the way out ("Reply STOP to
/// opt out", in the recipient's language) unless the text already tells how ("reply STOP",
/// "text STOP", the line itself; "Stop by our shop" is no way out): carriers
/// and the CTIA's messaging principles ask every marketing text for one, and the STOP reply
/// withdraws consent (`OptOutKeyword`). A WhatsApp template's parameters are filled in the same
/// way, as one line each: Meta refuses a parameter with a line break, a tab or more than four
/// spaces in a row.
public enum CampaignTextRenderer {
    /// The recipient's SMS.
    public static func sms(_ text: String, values: [String: String], locale: String) -> String {
        let filled = MessageTemplate.render(text, values: values).trimmingCharacters(in: .whitespacesAndNewlines)
        let optOut = CampaignFooterWords(locale: locale).smsOptOut
        guard !tellsHowToStop(filled, optOut: optOut) else { return filled }
        return filled + "\n" + optOut
    }

    /// Whether a text already says how to opt out: the line itself, or STOP right after a verb
    /// that asks for a reply (reply, text, send, balas, ketik, kirim).
    static func tellsHowToStop(_ text: String, optOut: String) -> Bool {
        if text.localizedCaseInsensitiveContains(optOut) { return true }
        let words = text.uppercased().split { !$0.isLetter }
        let verbs: Set<Substring> = ["REPLY", "TEXT", "SEND", "BALAS", "KETIK", "KIRIM"]
        return zip(words, words.dropFirst()).contains { verbs.contains($0) && $1 == "STOP" }
    }

    /// The recipient's WhatsApp template, each parameter filled in and kept to one line.
    public static func whatsApp(_ template: TemplateMessage, values: [String: String]) -> TemplateMessage {
        TemplateMessage(name: template.name, language: template.language, parameters: template.parameters.map { parameter in
            let filled = MessageTemplate.render(parameter, values: values)
            var line = ""
            var spaces = 0
            for character in filled {
                let isSpace = character.isWhitespace
                spaces = isSpace ? spaces + 1 : 0
                if isSpace, spaces > 1 { continue }
                line.append(isSpace ? " " : character)
            }
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            // An empty parameter is refused too: a dash stands in for a value that is missing.
            return String((trimmed.isEmpty ? "-" : trimmed).prefix(TemplateMessage.maximumParameterLength))
        })
    }
}
