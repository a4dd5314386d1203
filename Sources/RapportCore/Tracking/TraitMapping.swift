/// Segment traits as profile fields: names and contact details where Rapport has a field for
/// them, other scalar traits as attributes (keys in snake_case). Traits that cannot be stored
/// (nested objects, over-long values, keys that are not words) are left out rather than
/// failing the call: a tracking SDK cannot correct them, and would only resend them.
enum TraitMapping {
    static func customerInput(identities: [IdentityInput], traits: [String: JSONValue]) -> CustomerInput {
        var input = CustomerInput(identities: identities)
        var identities = identities
        for (rawKey, value) in traits.sorted(by: { $0.key < $1.key }) {
            let key = snakeCase(rawKey)
            switch (key, value) {
            case ("email", .string(let email)): identities.append(IdentityInput(.email, value: email))
            case ("phone", .string(let phone)): identities.append(IdentityInput(.phone, value: phone))
            case ("first_name", .string(let name)): input.firstName = clipped(name)
            case ("last_name", .string(let name)): input.lastName = clipped(name)
            case ("name", .string(let name)):
                let parts = name.trimmed.split(separator: " ", maxSplits: 1).map(String.init)
                if traits["firstName"] == nil, traits["first_name"] == nil, let first = parts.first { input.firstName = clipped(first) }
                if traits["lastName"] == nil, traits["last_name"] == nil, parts.count > 1 { input.lastName = clipped(parts[1]) }
            case (_, .string(let text)) where ProfileRules.isAttributeKey(key) && text.count <= 1000 && !text.contains("\u{0}"):
                input.attributes[key] = .string(text)
            case (_, .number(let number)) where ProfileRules.isAttributeKey(key) && number.isFinite:
                input.attributes[key] = .number(number)
            case (_, .bool(let flag)) where ProfileRules.isAttributeKey(key):
                input.attributes[key] = .boolean(flag)
            default:
                continue
            }
            if input.attributes.count >= ProfileRules.maximumAttributes { break }
        }
        input.identities = identities
        return input
    }

    private static func clipped(_ text: String) -> String? {
        let trimmed = text.trimmed
        guard !trimmed.isEmpty, !trimmed.contains("\u{0}") else { return nil }
        return String(trimmed.prefix(ProfileRules.maximumNameLength))
    }

    /// `firstName` → `first_name`, `Plan Type` → `plan_type`.
    static func snakeCase(_ key: String) -> String {
        var result = ""
        for character in key {
            if character.isUppercase {
                if !result.isEmpty, result.last != "_" { result.append("_") }
                result += character.lowercased()
            } else if character == " " || character == "-" || character == "." {
                if result.last != "_" { result.append("_") }
            } else {
                result.append(character)
            }
        }
        return result
    }
}
