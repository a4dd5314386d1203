import RapportCore

/// Builds TwiML, Twilio's XML for call flows, with every text and URL escaped.
public struct TwiML: Sendable {
    private var verbs: [String] = []
    let voice: String?

    public init(voice: String? = nil) {
        self.voice = voice
    }

    public mutating func say(_ text: String) {
        verbs.append("<Say\(voiceAttribute)>\(MarkupText.escape(text))</Say>")
    }

    /// A text message back to the sender of the SMS this answers.
    public mutating func message(_ text: String) {
        verbs.append("<Message>\(MarkupText.escape(text))</Message>")
    }

    public mutating func play(_ url: String) {
        verbs.append("<Play>\(MarkupText.escape(url))</Play>")
    }

    /// A menu: the prompts inside a one-digit `<Gather>` posting to `action`.
    public mutating func gather(action: String, prompts: (inout TwiML) -> Void) {
        var inner = TwiML(voice: voice)
        prompts(&inner)
        verbs.append("<Gather input=\"dtmf\" numDigits=\"1\" timeout=\"6\" action=\"\(MarkupText.escape(action))\" method=\"POST\">\(inner.verbs.joined())</Gather>")
    }

    public mutating func record(action: String, maxLength: Int) {
        verbs.append("<Record action=\"\(MarkupText.escape(action))\" method=\"POST\" maxLength=\"\(maxLength)\" playBeep=\"true\"/>")
    }

    public mutating func redirect(_ url: String) {
        verbs.append("<Redirect method=\"POST\">\(MarkupText.escape(url))</Redirect>")
    }

    public mutating func hangUp() {
        verbs.append("<Hangup/>")
    }

    /// Last words, then the line is closed.
    public mutating func sayGoodbye(_ text: String) {
        say(text)
        hangUp()
    }

    public var document: String {
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>\(verbs.joined())</Response>"
    }

    private var voiceAttribute: String {
        voice.map { " voice=\"\(MarkupText.escape($0))\"" } ?? ""
    }
}
