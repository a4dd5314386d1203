@testable import RapportCore
import Testing

@Suite("Commerce rules, without a database")
struct CommerceRulesTests {
    static func order(_ lines: [OrderLineInput], currency: String = "EUR") -> OrderInput {
        OrderInput(customerID: "cus_1", number: "#1001", currency: currency, lines: lines)
    }

    @Test("a valid order has no problems")
    func valid() {
        #expect(CommerceRules.problems(in: Self.order([OrderLineInput(sku: "TEE", title: "Tee", quantity: 2, unitPrice: 1500)]), field: nil).isEmpty)
    }

    @Test("each bad field is named, under the caller's prefix")
    func namesFields() {
        let problems = CommerceRules.problems(
            in: Self.order([OrderLineInput(sku: "TEE", title: "Tee", quantity: 0, unitPrice: -1)], currency: "euro"), field: "[3]")
        let fields = Set(problems.map(\.field))
        #expect(fields.contains("[3].currency"))
        #expect(fields.contains { $0.hasPrefix("[3].lines[0].") })
        #expect(fields.allSatisfy { $0.hasPrefix("[3].") })
    }

    @Test("a line whose quantity times price passes Int64 is a problem, not a trap")
    func overflow() {
        let problems = CommerceRules.problems(
            in: Self.order([OrderLineInput(sku: "X", title: "X", quantity: 1_000_000, unitPrice: Int64.max / 10)]), field: nil)
        #expect(!problems.isEmpty)
    }
}
