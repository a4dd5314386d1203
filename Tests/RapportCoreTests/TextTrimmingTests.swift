import RapportCore
import Testing

@Suite("Trimming")
struct TextTrimmingTests {
    @Test("white space of any kind goes from both ends, and only from the ends",
          arguments: [("anna", "anna"), ("  anna ", "anna"), ("\tanna\n", "anna"), ("\u{00A0}anna\u{2003}", "anna"),
                      ("a b", "a b"), ("   ", ""), ("", ""), ("ä", "ä"), (" ä ", "ä")])
    func trims(raw: String, expected: String) {
        #expect(raw.trimmed == expected)
    }
}
