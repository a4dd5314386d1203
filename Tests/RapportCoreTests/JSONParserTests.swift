import RapportCore
import Testing

@Suite("The JSON reader, without a database")
struct JSONParserTests {
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
}
