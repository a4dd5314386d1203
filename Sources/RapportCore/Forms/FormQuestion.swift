/// One question of a form. `attribute`, when set, is the profile attribute the answer is kept
/// in (several choices joined by ", "), so segments and journeys read it like any other.
public struct FormQuestion: Sendable, Equatable, Codable {
    public var key: String
    public var label: String
    public var kind: FormQuestionKind
    public var required: Bool
    public var attribute: String?
    public var options: [FormOption]

    public init(key: String, label: String, kind: FormQuestionKind, required: Bool = false, attribute: String? = nil, options: [FormOption] = []) {
        self.key = key
        self.label = label
        self.kind = kind
        self.required = required
        self.attribute = attribute
        self.options = options
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        key = try container.decode(String.self, forKey: .key)
        label = try container.decode(String.self, forKey: .label)
        kind = try container.decode(FormQuestionKind.self, forKey: .kind)
        required = try container.decodeIfPresent(Bool.self, forKey: .required) ?? false
        attribute = try container.decodeIfPresent(String.self, forKey: .attribute)
        options = try container.decodeIfPresent([FormOption].self, forKey: .options) ?? []
    }
}
