import RapportCore

/// A map of strings written as an object with its keys sorted (a dictionary encodes in no
/// stable order).
struct SortedStrings: Encodable {
    let values: [String: String]

    init(_ values: [String: String]) {
        self.values = values
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(JSONValue.object(values.mapValues(JSONValue.string)))
    }
}
