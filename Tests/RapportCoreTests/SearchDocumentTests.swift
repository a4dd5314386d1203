import Foundation
import RapportCore
import Testing

@Suite("Search documents")
struct SearchDocumentTests {
    @Test("names are folded, e-mails split into words, phones as digits")
    func document() {
        let identities = [
            Identity(id: "idn_1", kind: .email, value: "zoe.mueller@shop.example", source: nil, createdAt: Date(), provenance: .proven),
            Identity(id: "idn_2", kind: .phone, value: "+4915111111111", source: nil, createdAt: Date(), provenance: .proven),
            Identity(id: "idn_3", kind: .messenger, value: "123", source: nil, createdAt: Date(), provenance: .proven),
        ]
        let text = CustomerSearchDocument.make(profile: CustomerProfile(firstName: "Zoë", lastName: "Müller"), identities: identities)
        #expect(text.split(separator: " ") == [
            "zoe", "muller", "mueller", "shop", "example", "4915111111111",
        ])
    }

    @Test("queries become the same tokens")
    func queries() {
        #expect(CustomerSearchDocument.queryTokens("  Zoë  MÜL ") == ["zoe", "mul"])
        #expect(CustomerSearchDocument.queryTokens("+49 (151) 111") == ["49151111"])
        #expect(CustomerSearchDocument.queryTokens("0049 151") == ["49151"])
        #expect(CustomerSearchDocument.queryTokens("Zoe.M@shop") == ["zoe", "m", "shop"])
        #expect(CustomerSearchDocument.queryTokens("\"*) OR --").isEmpty == false)
        #expect(CustomerSearchDocument.queryTokens("\"*) OR --").allSatisfy { $0.allSatisfy(\.isLetter) })
    }
}
