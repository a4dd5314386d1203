/// What a form asks and does, stored as one JSON document: its questions, a quiz's results,
/// the consent box, the words around it, and the shop origins whose pages may send answers.
public struct FormDefinition: Sendable, Equatable, Codable {
    public var intro: String?
    public var questions: [FormQuestion]
    public var results: [FormResult]
    public var consent: FormConsent?
    public var thankYou: String?
    /// `https://shop.example` and the like: a browser's answer from any other page is refused.
    public var allowedOrigins: [String]
    /// Whether, and how, an answer opens a sales lead.
    public var lead: FormLead?

    public init(
        intro: String? = nil, questions: [FormQuestion] = [], results: [FormResult] = [], consent: FormConsent? = nil, thankYou: String? = nil,
        allowedOrigins: [String] = [], lead: FormLead? = nil
    ) {
        self.intro = intro
        self.questions = questions
        self.results = results
        self.consent = consent
        self.thankYou = thankYou
        self.allowedOrigins = allowedOrigins
        self.lead = lead
    }

    enum CodingKeys: String, CodingKey {
        case intro, questions, results, consent, lead
        case thankYou = "thank_you"
        case allowedOrigins = "allowed_origins"
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        intro = try container.decodeIfPresent(String.self, forKey: .intro)
        questions = try container.decodeIfPresent([FormQuestion].self, forKey: .questions) ?? []
        results = try container.decodeIfPresent([FormResult].self, forKey: .results) ?? []
        consent = try container.decodeIfPresent(FormConsent.self, forKey: .consent)
        thankYou = try container.decodeIfPresent(String.self, forKey: .thankYou)
        allowedOrigins = try container.decodeIfPresent([String].self, forKey: .allowedOrigins) ?? []
        lead = try container.decodeIfPresent(FormLead.self, forKey: .lead)
    }

    /// The question a consent box's double opt-in is mailed to, if the form has one.
    public var emailQuestion: FormQuestion? { questions.first { $0.kind == .email } }
}
