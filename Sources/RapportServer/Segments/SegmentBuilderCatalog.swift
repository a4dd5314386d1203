import Foundation
import RapportCore

/// What the builder script offers, as the JSON it reads from the page: each field with its
/// words, what it holds, the operators that fit it and the keys it takes (Core's
/// `SegmentFieldGuide`), the choices some values have, and the segments a condition may name.
struct SegmentBuilderCatalog: Encodable {
    struct Choice: Encodable {
        let value: String
        let label: String
    }

    struct Field: Encodable {
        let name: String
        let label: String
        let group: String
        /// `text`, `number`, `count`, `date`, `tags`, `boolean`, `membership`, or `attribute`
        /// (a custom attribute: the builder asks for its key and how to read its value).
        let type: String
        let operators: [Choice]
        let keys: [String]
        /// The values a field takes, when there are few (identity kinds, segments, yes/no).
        let choices: [Choice]?
        /// Values to suggest for a text (RFM segments, channels).
        let suggestions: [String]?
        let money: Bool

        init(_ guide: SegmentFieldGuide, name: String? = nil, choices: [Choice]? = nil, suggestions: [String]? = nil) {
            let type = guide.field.valueType
            self.name = name ?? guide.field.name
            label = SegmentWording.field(guide.field)
            group = SegmentWording.group(guide.field.facet)
            self.type = type?.rawValue ?? "attribute"
            operators = guide.operators.map { Choice(value: $0.rawValue, label: SegmentWording.op($0, type: type)) }
            keys = guide.keys
            self.choices = choices
            self.suggestions = suggestions
            money = guide.field.isMoney
        }
    }

    let fields: [Field]
    /// A custom attribute: its name is `attributes.` followed by the key typed.
    let attribute: Field
    let productKeys: [Choice]
    let consentPurposes: [String]
    let consentChannels: [String]
    let maximumDays: Int
    /// The widest `anniversary_within_days` window (its smallest is 0: today).
    let maximumAnniversaryDays: Int

    /// `segments` are those a condition may name (not the one being edited).
    init(segments: [Segment]) {
        let yesNo = [Choice(value: "true", label: "yes"), Choice(value: "false", label: "no")]
        fields = SegmentFieldGuide.named.map { (guide: SegmentFieldGuide) -> Field in
            switch guide.field {
            case .identities:
                return Field(guide, choices: IdentityKind.allCases.map { Choice(value: $0.rawValue, label: $0.rawValue) })
            case .segments:
                return Field(guide, choices: segments.map { Choice(value: $0.id, label: "\($0.name) (\(SegmentWording.kind($0.kind).lowercased()))") })
            case .rfmSegment:
                return Field(guide, suggestions: RFMSegment.allCases.map(\.rawValue))
            case .lastContactChannel:
                return Field(guide, suggestions: InboxChannel.allCases.map(\.rawValue))
            default:
                return Field(guide, choices: guide.field.valueType == .boolean ? yesNo : nil)
            }
        }
        attribute = Field(SegmentFieldGuide(.attribute("")), name: SegmentField.attributePrefix)
        productKeys = SegmentFieldGuide.productKeys.map { key in
            Choice(value: key, label: key == "sku" ? "SKU" : key.replacingOccurrences(of: "_id", with: " id").replacingOccurrences(of: "_", with: " "))
        }
        consentPurposes = ConsentPurpose.standard.map(\.rawValue)
        consentChannels = ConsentChannel.allCases.map(\.rawValue)
        maximumDays = SegmentDefinitionParser.maximumDays
        maximumAnniversaryDays = SegmentAnniversary.maximumDays
    }

    /// The catalogue as the page's `data-catalogue` attribute holds it.
    var json: String { JSONDocumentEncoder.text(self) }
}
