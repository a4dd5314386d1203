import Foundation
import RapportCore

/// Reads the customer endpoints' request bodies into Core's inputs. Types are checked here;
/// the rules (identity kinds, phone numbers, lengths, tags) are checked by Core.
enum CustomerRequests {
    static func upsert(_ body: inout JSONObjectReader) throws -> CustomerInput {
        let input = customer(&body)
        try body.finish()
        return input
    }

    /// The fields of an upsert, also read inside other bodies (an order's `customer`).
    static func customer(_ body: inout JSONObjectReader) -> CustomerInput {
        var identities: [IdentityInput] = []
        for (index, item) in (body.array("identities") ?? []).enumerated() {
            if let identity = body.nested(item, at: "identities[\(index)]", identity) { identities.append(identity) }
        }
        if let email = body.string("email", maxLength: 320) { identities.append(IdentityInput(.email, value: email)) }
        if let phone = body.string("phone", maxLength: 64) { identities.append(IdentityInput(.phone, value: phone)) }
        let input = CustomerInput(
            identities: identities, firstName: body.string("first_name", maxLength: 200),
            lastName: body.string("last_name", maxLength: 200), locale: body.string("locale", maxLength: 35),
            timezone: body.string("timezone", maxLength: 64), notes: body.string("notes"),
            addresses: addresses(&body), tags: body.stringArray("tags") ?? [],
            attributes: (attributes(&body) ?? [:]).compactMapValues { $0 })
        return input
    }

    static func patch(_ body: inout JSONObjectReader) throws -> CustomerPatch {
        let patch = CustomerPatch(
            firstName: body.nullableString("first_name", maxLength: 200),
            lastName: body.nullableString("last_name", maxLength: 200),
            locale: body.nullableString("locale", maxLength: 35), timezone: body.nullableString("timezone", maxLength: 64),
            notes: body.nullableString("notes"), addresses: addresses(&body), tags: body.stringArray("tags"),
            attributes: attributes(&body))
        try body.finish()
        return patch
    }

    static func identity(_ body: inout JSONObjectReader) -> IdentityInput {
        IdentityInput(
            kind: body.requiredString("kind", maxLength: 32) ?? "", value: body.requiredString("value", maxLength: 1000) ?? "",
            source: body.string("source", maxLength: 200))
    }

    static func interaction(_ body: inout JSONObjectReader) throws -> InteractionInput {
        let input = InteractionInput(
            channel: body.requiredString("channel", maxLength: 32) ?? "",
            direction: body.string("direction", maxLength: 32) ?? "inbound",
            kind: body.requiredString("kind", maxLength: 64) ?? "", summary: body.string("summary", maxLength: 2000),
            occurredAt: body.date("occurred_at"), payload: body.any("payload"))
        try body.finish()
        return input
    }

    private static func addresses(_ body: inout JSONObjectReader) -> [Address]? {
        guard let items = body.array("addresses") else { return nil }
        return items.enumerated().compactMap { index, item in
            body.nested(item, at: "addresses[\(index)]", address)
        }
    }

    /// Attribute values: a string, a number or a boolean; null removes the attribute.
    private static func attributes(_ body: inout JSONObjectReader) -> [String: AttributeValue?]? {
        guard let fields = body.object("attributes") else { return nil }
        var result: [String: AttributeValue?] = [:]
        for (key, value) in fields {
            if let attribute = attributeValue(value) {
                result[key] = attribute
            } else if value == .null {
                result[key] = .some(nil)
            } else {
                body.fail("attributes.\(key)", "must be a string, a number, a boolean or null")
            }
        }
        return result
    }

    static func attributeValue(_ value: JSONValue) -> AttributeValue? {
        switch value {
        case .string(let text) where !text.contains("\u{0}"): .string(text)
        case .number(let number): .number(number)
        case .bool(let flag): .boolean(flag)
        default: nil
        }
    }

    static func address(_ reader: inout JSONObjectReader) -> Address {
        Address(
            label: reader.string("label", maxLength: 200), line1: reader.string("line1", maxLength: 200),
            line2: reader.string("line2", maxLength: 200), city: reader.string("city", maxLength: 200),
            region: reader.string("region", maxLength: 200),
            postalCode: reader.string("postal_code", maxLength: 200), country: reader.string("country", maxLength: 2))
    }
}
