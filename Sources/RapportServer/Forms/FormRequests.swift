import Foundation
import Hummingbird
import RapportCore

/// Reads a form as the API sends it, whole: `name`, `kind`, `status` and the definition's
/// fields beside them. Every wrong field is named; the rules of a sound form are Core's.
enum FormRequests {
    static func input(of request: Request, context: some RequestContext) async throws -> FormInput {
        var body = try await JSONObjectReader.body(of: request, context: context)
        let name = body.requiredString("name", maxLength: 400)
        let kind = enumValue(FormKind.self, &body, "kind", default: .form)
        let status = enumValue(FormStatus.self, &body, "status", default: .draft)
        var definition = FormDefinition()
        definition.intro = body.string("intro", maxLength: FormRules.maximumTextLength * 2)
        definition.thankYou = body.string("thank_you", maxLength: FormRules.maximumTextLength * 2)
        definition.allowedOrigins = body.stringArray("allowed_origins") ?? []
        for (index, value) in (body.array("questions") ?? []).enumerated() {
            if let question = body.nested(value, at: "questions[\(index)]", question) { definition.questions.append(question) }
        }
        for (index, value) in (body.array("results") ?? []).enumerated() {
            if let result = body.nested(value, at: "results[\(index)]", result) { definition.results.append(result) }
        }
        if let value = body.any("consent"), value != .null {
            definition.consent = body.nested(value, at: "consent") { reader in
                FormConsent(purposes: reader.stringArray("purposes") ?? [], text: reader.requiredString("text", maxLength: ConsentService.maximumTextLength) ?? "")
            }
        }
        if let value = body.any("lead"), value != .null {
            definition.lead = body.nested(value, at: "lead") { reader in
                FormLead(title: reader.string("title", maxLength: 400), campaign: reader.string("campaign", maxLength: 400))
            }
        }
        try body.finish()
        return FormInput(name: name ?? "", kind: kind, status: status, definition: definition)
    }

    private static func question(_ reader: inout JSONObjectReader) -> FormQuestion {
        let kind = enumValue(FormQuestionKind.self, &reader, "kind", default: nil)
        var question = FormQuestion(
            key: reader.requiredString("key", maxLength: 100) ?? "", label: reader.requiredString("label", maxLength: FormRules.maximumLabelLength * 2) ?? "",
            kind: kind ?? .text, required: reader.bool("required") ?? false, attribute: reader.string("attribute", maxLength: 100))
        for (index, value) in (reader.array("options") ?? []).enumerated() {
            let option = reader.nested(value, at: "options[\(index)]") { option in
                FormOption(
                    value: option.requiredString("value", maxLength: 200) ?? "", label: option.requiredString("label", maxLength: FormRules.maximumLabelLength * 2) ?? "",
                    results: option.stringArray("results") ?? [])
            }
            if let option { question.options.append(option) }
        }
        return question
    }

    private static func result(_ reader: inout JSONObjectReader) -> FormResult {
        FormResult(
            key: reader.requiredString("key", maxLength: 100) ?? "", title: reader.requiredString("title", maxLength: 400) ?? "",
            text: reader.string("text", maxLength: FormRules.maximumTextLength * 2), productIDs: reader.stringArray("product_ids") ?? [])
    }

    /// An enumeration's value by its name; `fallback` when absent (nil: required).
    private static func enumValue<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ reader: inout JSONObjectReader, _ key: String, default fallback: Value?
    ) -> Value? where Value.RawValue == String {
        let names = Value.allCases.map(\.rawValue).joined(separator: ", ")
        guard let text = fallback == nil ? reader.requiredString(key, maxLength: 40) : reader.string(key, maxLength: 40) else { return fallback }
        guard let value = Value(rawValue: text) else {
            reader.fail(key, "must be one of \(names)")
            return fallback
        }
        return value
    }

    private static func enumValue<Value: RawRepresentable & CaseIterable>(
        _ type: Value.Type, _ reader: inout JSONObjectReader, _ key: String, default fallback: Value
    ) -> Value where Value.RawValue == String {
        enumValue(type, &reader, key, default: Optional(fallback)) ?? fallback
    }
}
