import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Segments over the CDNOW sample (2,357 customers, 1997–1998), against a plain recount of the
/// file's rows, as pandas would do it: group by customer, filter by date, count.
@Suite("Segments on CDNOW")
struct SegmentCDNOWTests {
    /// The file's rows as (customer, yyyymmdd): the first column is the customer in both layouts.
    static func rows(_ text: String) -> [(customer: String, day: Int)] {
        // Lines end in CRLF, one Character in Swift.
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" })
            guard fields.count >= 4, let day = Int(fields[fields.count - 3]) else { return nil }
            return (String(fields[0]), day)
        }
    }

    /// Every member's CDNOW customer id.
    static func members(_ services: Services, _ segment: Segment) async throws -> Set<String> {
        let actor = Actor.operator(workspaceID: services.workspaceID)
        var ids = Set<String>()
        var after: String?
        repeat {
            let page = try await services.segments.members(id: segment.id, page: try PageRequest(limit: 100, startingAfter: after), as: actor)
            for customer in page.items {
                ids.formUnion(customer.identities.filter { $0.kind == .external }.map(\.value))
            }
            after = page.hasMore ? page.items.last?.id : nil
        } while after != nil
        return ids
    }

    @Test(
        "\"bought at least twice in 1997-Q1\" and \"no purchase in the last 90 days of the calibration period\" equal a plain recount",
        .enabled(if: ProcessInfo.processInfo.environment["RAPPORT_CDNOW_SAMPLE"] != nil), arguments: TestDatabase.available)
    func recount(database: TestDatabase) async throws {
        let path = try #require(ProcessInfo.processInfo.environment["RAPPORT_CDNOW_SAMPLE"])
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let rows = Self.rows(text)
        #expect(rows.count == 6_919)
        var firstQuarter: [String: Int] = [:]
        for row in rows where row.day >= 1997_01_01 && row.day < 1997_04_01 { firstQuarter[row.customer, default: 0] += 1 }
        let twiceInQ1 = Set(firstQuarter.filter { $0.value >= 2 }.keys)
        // The calibration period ends on 30 September 1997; its last 90 days start on 3 July.
        let boughtBefore = Set(rows.filter { $0.day < 1997_10_01 }.map(\.customer))
        let boughtLate = Set(rows.filter { $0.day >= 1997_07_03 && $0.day < 1997_10_01 }.map(\.customer))
        let lapsed = boughtBefore.subtracting(boughtLate)

        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let (orders, rejected) = CDNOWFormat.orders(text)
            #expect(rejected.isEmpty)
            _ = try await ImportService(commerce: services.commerce).importOrders(orders, as: actor)
            // The evening of the calibration period's last day.
            services.clock.advance(by: Date(timeIntervalSince1970: 10_134 * 86_400 + 86_399).timeIntervalSince(services.clock.now()))

            let quarter = try await services.segments.create(SegmentDraft(name: "Twice in 1997-Q1", definition: try JSONParser.parse(Array("""
                {"field": "orders.count", "op": ">=", "value": 2, "placed_from": "1997-01-01", "placed_before": "1997-04-01"}
                """.utf8))), as: actor)
            #expect(quarter.memberCount == twiceInQ1.count)
            #expect(try await Self.members(services, quarter) == twiceInQ1)

            let quiet = try await services.segments.create(SegmentDraft(name: "Lapsed at calibration end", definition: try JSONParser.parse(Array("""
                {"all": [{"field": "orders.count", "op": ">=", "value": 1, "placed_before": "1997-10-01"},
                         {"field": "orders.count", "op": "=", "value": 0, "placed_from": {"days_ago": 90}, "placed_before": "1997-10-01"}]}
                """.utf8))), as: actor)
            #expect(quiet.memberCount == lapsed.count)
            #expect(try await Self.members(services, quiet) == lapsed)
            #expect(!twiceInQ1.isEmpty && !lapsed.isEmpty)
        }
    }
}
