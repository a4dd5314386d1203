import Foundation
import RapportCore

/// The builder's forms as typed: the settings, a question to add (its options one a line,
/// `value | label | result, result`), a result to add (its products by id, separated by spaces
/// or commas). Each is read into the form's definition; whether the whole is sound is Core's.
enum FormBuilderForms {
    struct Create: Decodable {
        var name: String?
        var kind: String?
    }

    struct Settings: Decodable {
        var name: String?
        var kind: String?
        var status: String?
        var intro: String?
        var thankYou: String?
        var allowedOrigins: String?
        var consentPurposes: String?
        var consentText: String?
    }

    struct Question: Decodable {
        var key: String?
        var label: String?
        var kind: String?
        var required: Bool?
        var attribute: String?
        var options: String?
    }

    struct Result: Decodable {
        var key: String?
        var title: String?
        var text: String?
        var productIds: String?
    }

    static func apply(_ typed: Settings, to input: inout FormInput) throws {
        var problems: [FieldError] = []
        input.name = typed.name ?? ""
        if let kind = FormKind(rawValue: typed.kind ?? "") { input.kind = kind } else { problems.append(FieldError(field: "kind", message: "must be form or quiz")) }
        if let status = FormStatus(rawValue: typed.status ?? "") { input.status = status } else {
            problems.append(FieldError(field: "status", message: "must be draft, live or closed"))
        }
        input.definition.intro = nonEmpty(typed.intro)
        input.definition.thankYou = nonEmpty(typed.thankYou)
        input.definition.allowedOrigins = words(typed.allowedOrigins)
        let purposes = words(typed.consentPurposes)
        let text = nonEmpty(typed.consentText)
        input.definition.consent = purposes.isEmpty && text == nil ? nil : FormConsent(purposes: purposes, text: text ?? "")
        guard problems.isEmpty else { throw RapportError.invalid(problems) }
    }

    static func question(_ typed: Question) throws -> FormQuestion {
        guard let kind = FormQuestionKind(rawValue: typed.kind ?? "") else {
            throw RapportError.invalid(field: "kind", "must be one of \(FormQuestionKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let options = (typed.options ?? "").split(whereSeparator: \.isNewline).compactMap { line -> FormOption? in
            let parts = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard let value = parts.first, !value.isEmpty else { return nil }
            let label = parts.count > 1 && !parts[1].isEmpty ? parts[1] : value
            return FormOption(value: value, label: label, results: parts.count > 2 ? words(parts[2]) : [])
        }
        return FormQuestion(
            key: (typed.key ?? "").trimmed, label: (typed.label ?? "").trimmed, kind: kind, required: typed.required ?? false,
            attribute: nonEmpty(typed.attribute), options: options)
    }

    static func result(_ typed: Result) -> FormResult {
        FormResult(key: (typed.key ?? "").trimmed, title: (typed.title ?? "").trimmed, text: nonEmpty(typed.text), productIDs: words(typed.productIds))
    }

    /// A question's options as the builder shows them, one a line.
    static func optionsText(_ options: [FormOption]) -> String {
        options.map { option in
            ([option.value, option.label] + (option.results.isEmpty ? [] : [option.results.joined(separator: ", ")])).joined(separator: " | ")
        }.joined(separator: "\n")
    }

    private static func nonEmpty(_ text: String?) -> String? {
        guard let trimmed = text?.trimmed, !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func words(_ text: String?) -> [String] {
        (text ?? "").split { $0 == "," || $0.isWhitespace }.map(String.init)
    }
}
