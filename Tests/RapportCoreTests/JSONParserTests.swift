import RapportCore
import Testing

@Suite("The JSON reader, without a database")
struct JSONParserTests {
    static let withNUL = "a\u{0}b"

    @Test("a whole number longer than 15 digits keeps its digits (a 64-bit id); shorter ones and fractions are numbers")
    func longIntegers() throws {
        let value = try JSONParser.parse(Array(#"{"id":706405506930370084,"n":-123456789012345,"big":1234567890123456.5,"e":1e20}"#.utf8))
        #expect(value["id"] == .string("706405506930370084"))
        #expect(value["id"]?.scalarText == "706405506930370084")
        #expect(value["n"] == .number(-123456789012345))
        #expect(value["big"] == .number(1234567890123456.5))
        #expect(value["e"] == .number(1e20))
    }

    @Test("objects, arrays, numbers, escapes and surrogate pairs read as written")
    func reads() throws {
        let value = try JSONParser.parse(Array(#"{"a":[1,-2.5e2,true,null],"s":"tab\tquote\"\u00e4\ud83d\uded2"}"#.utf8))
        guard case .object(let fields) = value, case .array(let items)? = fields["a"] else {
            Issue.record("not an object with an array: \(value)")
            return
        }
        #expect(items == [.number(1), .number(-250), .bool(true), .null])
        #expect(fields["s"] == .string("tab\tquote\"ä🛒"))
    }

    @Test("malformed documents are refused, not guessed at", arguments: [
        "{", "[1,]", #"{"a" 1}"#, "01", #""\ud83d""#, "tru", #"{"a":1} x"#, "",
    ])
    func refusesMalformed(text: String) {
        #expect(throws: (any Error).self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test("an escaped NUL is refused unless the caller lets it through to its own checks; a raw one always is")
    func nul() throws {
        let escaped = Array(#"{"email":"a\u0000b"}"#.utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(escaped) }
        let parsed = try JSONParser.parse(escaped, allowingEscapedNUL: true)
        #expect(parsed == .object(["email": .string(Self.withNUL)]))
        let raw: [UInt8] = Array(#"{"email":"a"#.utf8) + [0] + Array(#"b"}"#.utf8)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(raw, allowingEscapedNUL: true) }
    }
}
