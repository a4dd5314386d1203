/// A key by its name: the `super` key a subclass's encoding puts its base under.
struct DocumentKey: CodingKey {
    static let superKey = DocumentKey(stringValue: "super")

    let stringValue: String
    var intValue: Int? { nil }

    init(stringValue: String) {
        self.stringValue = stringValue
    }

    init?(intValue: Int) {
        nil
    }
}
