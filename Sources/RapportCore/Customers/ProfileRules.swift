import Foundation

/// What a valid profile looks like, and the canonical form of tags.
public enum ProfileRules {
    public static let maximumTags = 100
    public static let maximumTagLength = 64
    public static let maximumAttributes = 100
    public static let maximumNameLength = 200
    public static let maximumNotesLength = 10_000
    public static let maximumAddresses = 20

    /// Trimmed and lower-cased, so `VIP` and ` vip` are one tag.
    public static func canonicalTag(_ tag: String) -> String {
        tag.trimmed.lowercased()
    }

    /// Canonical, unique, sorted tags, or the errors found in them.
    public static func canonicalTags(_ tags: [String], field: String) -> Result<[String], RapportError> {
        var errors: [FieldError] = []
        var result = Set<String>()
        for (index, tag) in tags.enumerated() {
            let canonical = canonicalTag(tag)
            if canonical.isEmpty || canonical.count > maximumTagLength {
                errors.append(FieldError(field: "\(field)[\(index)]", message: "must be 1 to \(maximumTagLength) characters"))
            } else {
                result.insert(canonical)
            }
        }
        if result.count > maximumTags {
            errors.append(FieldError(field: field, message: "at most \(maximumTags) tags"))
        }
        return errors.isEmpty ? .success(result.sorted()) : .failure(.invalid(errors))
    }

    /// Checks every field of `profile`, returning all problems at once.
    public static func problems(in profile: CustomerProfile) -> [FieldError] {
        var errors: [FieldError] = []
        func check(_ value: String?, _ field: String, max: Int) {
            if let value, value.count > max {
                errors.append(FieldError(field: field, message: "must be at most \(max) characters"))
            }
        }
        check(profile.firstName, "first_name", max: maximumNameLength)
        check(profile.lastName, "last_name", max: maximumNameLength)
        check(profile.notes, "notes", max: maximumNotesLength)
        if let locale = profile.locale, !isLanguageTag(locale) {
            errors.append(FieldError(field: "locale", message: "must be a BCP 47 language tag such as en or de-DE"))
        }
        if let timezone = profile.timezone, TimeZone(identifier: timezone) == nil {
            errors.append(FieldError(field: "timezone", message: "must be an IANA time zone such as Europe/Berlin"))
        }
        if profile.addresses.count > maximumAddresses {
            errors.append(FieldError(field: "addresses", message: "at most \(maximumAddresses) addresses"))
        }
        for (index, address) in profile.addresses.enumerated() {
            if let country = address.country, !(country.count == 2 && country.allSatisfy { $0.isASCII && $0.isUppercase }) {
                errors.append(FieldError(
                    field: "addresses[\(index)].country", message: "must be an ISO 3166-1 alpha-2 code such as DE"))
            }
            for (name, value) in [("line1", address.line1), ("line2", address.line2), ("city", address.city),
                                  ("region", address.region), ("postal_code", address.postalCode), ("label", address.label)] {
                check(value, "addresses[\(index)].\(name)", max: 200)
            }
        }
        if profile.attributes.count > maximumAttributes {
            errors.append(FieldError(field: "attributes", message: "at most \(maximumAttributes) attributes"))
        }
        for key in profile.attributes.keys.sorted() where !isAttributeKey(key) {
            errors.append(FieldError(
                field: "attributes.\(key)", message: "keys are 1 to 64 characters of a-z, 0-9 and _, starting with a letter"))
        }
        for (key, value) in profile.attributes {
            if case .string(let text) = value, text.count > 1000 {
                errors.append(FieldError(field: "attributes.\(key)", message: "must be at most 1000 characters"))
            }
            if case .number(let number) = value, !number.isFinite {
                errors.append(FieldError(field: "attributes.\(key)", message: "must be a finite number"))
            }
        }
        return errors
    }

    public static func isAttributeKey(_ key: String) -> Bool {
        guard let first = key.first, first.isASCII, first.isLowercase, key.count <= 64 else { return false }
        return key.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "_") }
    }

    private static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count), language.allSatisfy({ $0.isASCII && $0.isLetter })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
