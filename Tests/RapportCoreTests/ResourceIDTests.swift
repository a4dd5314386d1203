import Foundation
import RapportCore
import Testing

@Suite("Resource ids")
struct ResourceIDTests {
    @Test("ids carry their type and sort by creation time")
    func sortable() {
        let early = ResourceID.make(.customer, at: Date(timeIntervalSince1970: 1_700_000_000))
        let late = ResourceID.make(.customer, at: Date(timeIntervalSince1970: 1_700_000_000.002))
        #expect(early.hasPrefix("cus_"))
        #expect(early.count == 30)
        #expect(early < late)
        #expect(ResourceID.isValid(early, prefix: .customer))
        #expect(!ResourceID.isValid(early, prefix: .interaction))
        #expect(ResourceID.make(.customer, at: Date()) != ResourceID.make(.customer, at: Date()))
    }

    @Test("ids made in one millisecond sort in the order they were made, even with others made between")
    func monotonic() {
        let moment = Date(timeIntervalSince1970: 1_765_000_000.123)
        var made: [String] = []
        for index in 0..<2_000 {
            made.append(ResourceID.make(.message, at: moment))
            // Ids of other moments in between (other requests) do not reset the order.
            _ = ResourceID.make(.message, at: moment.addingTimeInterval(Double(index % 7) - 3.5))
        }
        #expect(made == made.sorted())
        #expect(Set(made).count == made.count)
        #expect(made.allSatisfy { ResourceID.isValid($0, prefix: .message) })
    }

    @Test("only short ASCII words can be ids")
    func plausible() {
        #expect(ResourceID.isPlausible("cus_01JD8Z6Q3V6N1K2M3P4Q5R6S7T"))
        #expect(!ResourceID.isPlausible(""))
        #expect(!ResourceID.isPlausible("cus_1\u{0}"))
        #expect(!ResourceID.isPlausible("cus/../x"))
        #expect(!ResourceID.isPlausible(String(repeating: "a", count: 65)))
    }
}
