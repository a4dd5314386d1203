import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Segments")
struct SegmentTests {
    static func definition(_ text: String) throws -> JSONValue {
        try JSONParser.parse(Array(text.utf8))
    }

    static func order(_ number: String, email: String, placedAt: Date, total: Int64 = 5_000, status: OrderStatus = .paid) -> OrderInput {
        var input = OrderTests.guestOrder(number, email: email, total: total, status: status)
        input.placedAt = placedAt
        return input
    }

    static func day(_ text: String) -> Date {
        Timestamp.parse(text + "T00:00:00Z")!
    }

    /// The segment events in the log, as "type customer reason".
    static func moves(_ services: Services) async throws -> [String] {
        try await services.store.read { session in try await session.events.events(after: 0, limit: 10_000) }
            .filter { $0.event.type == .segmentEntered || $0.event.type == .segmentLeft }
            .map { stored in
                let payload = try JSONParser.parse(Array(stored.event.payload.utf8))
                guard case .object(let fields) = payload else { return "" }
                return "\(stored.event.type.rawValue) \(fields["customer_id"]?.text ?? "") \(fields["reason"]?.text ?? "")"
            }
    }

    @Test("the acceptance definitions count what plain reading says: a window of orders without cancelled ones, a last order, a tag",
          arguments: TestDatabase.available)
    func acceptanceDefinitions(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let orders = [
                Self.order("1", email: "twice@example.com", placedAt: Self.day("1997-01-05")),
                Self.order("2", email: "twice@example.com", placedAt: Self.day("1997-03-31")),
                Self.order("3", email: "once@example.com", placedAt: Self.day("1997-02-01")),
                Self.order("4", email: "once@example.com", placedAt: Self.day("1997-02-02"), status: .cancelled),
                Self.order("5", email: "late@example.com", placedAt: Self.day("1997-02-01")),
                Self.order("6", email: "late@example.com", placedAt: Self.day("1997-04-01")),
            ]
            let placed = try await services.commerce.upsertOrders(orders, as: actor)
            let twice = placed[0].order.customerID, once = placed[2].order.customerID, late = placed[4].order.customerID
            _ = try await services.customers.addTags(id: once, ["VIP"], as: actor)

            let quarter = try await services.segments.preview(try Self.definition("""
                {"field": "orders.count", "op": ">=", "value": 2, "placed_from": "1997-01-01", "placed_before": "1997-04-01"}
                """), as: actor)
            #expect(quarter.count == 1 && quarter.sample.map(\.id) == [twice], "the cancelled order and the one on 1 April do not count")
            let lastBefore = try await services.segments.preview(try Self.definition("""
                {"field": "orders.last_placed_at", "op": "before", "value": "1997-06-01"}
                """), as: actor)
            #expect(lastBefore.count == 3)
            let vip = try await services.segments.preview(try Self.definition(#"{"field": "tags", "op": "contains", "value": "vip"}"#), as: actor)
            #expect(vip.sample.map(\.id) == [once])
            _ = try await services.customers.addTags(id: late, ["bigxspender"], as: actor)
            let spenders = try await services.segments.preview(try Self.definition(#"{"field": "tags", "op": "contains", "value": "big_spender"}"#), as: actor)
            #expect(spenders.count == 0, "`_` in a tag is no wildcard")
            let listed = try await services.customers.list(filter: CustomerFilter(tag: "big_spender"), page: try PageRequest(), as: actor)
            #expect(listed.items.isEmpty, "nor in the customer list's tag filter")
            let notVIP = try await services.segments.preview(try Self.definition("""
                {"all": [{"field": "tags", "op": "not_contains", "value": "vip"}, {"not": {"field": "orders.count", "op": "=", "value": 0}}]}
                """), as: actor)
            #expect(Set(notVIP.sample.map(\.id)) == [twice, late])
        }
    }

    @Test("membership follows orders, tags, tracked events and time, each move logged with its reason", arguments: TestDatabase.available)
    func maintained(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let viewers = try await services.segments.create(SegmentDraft(name: "Sock browsers", definition: try Self.definition("""
                {"field": "events.count", "event": "Product Viewed", "op": ">=", "value": 3, "within_days": 7, "where": {"category": "socks"}}
                """)), as: actor)
            let buyers = try await services.segments.create(SegmentDraft(name: "Buyers", definition: try Self.definition("""
                {"all": [{"field": "orders.count", "op": ">=", "value": 1}, {"field": "tags", "op": "not_contains", "value": "blocked"}]}
                """)), as: actor)
            #expect(viewers.memberCount == 0 && buyers.memberCount == 0)

            let now = services.clock.now()
            let order = try await services.commerce.upsertOrders([Self.order("10", email: "b@example.com", placedAt: now)], as: actor)[0].order
            #expect(try await services.segments.find(id: buyers.id, as: actor).memberCount == 1)
            _ = try await services.customers.addTags(id: order.customerID, ["Blocked"], as: actor)
            #expect(try await services.segments.find(id: buyers.id, as: actor).memberCount == 0)

            func view(_ id: String, category: String) -> TrackingMessage {
                TrackingMessage(type: .track, messageID: id, userID: "u1", event: "Product Viewed", properties: ["category": .string(category)], timestamp: now)
            }
            _ = try await services.tracking.ingest([view("v1", category: "socks"), view("v2", category: "hats")], workspaceID: services.workspaceID, provenance: .proven)
            _ = try await services.tracking.ingest([view("v3", category: "socks")], workspaceID: services.workspaceID, provenance: .proven)
            #expect(try await services.segments.find(id: viewers.id, as: actor).memberCount == 0, "two sock views, one hat")
            _ = try await services.tracking.ingest([view("v4", category: "socks")], workspaceID: services.workspaceID, provenance: .proven)
            let members = try await services.segments.members(id: viewers.id, page: try PageRequest(), as: actor)
            let viewer = try #require(members.items.first?.id)
            #expect(members.items.count == 1)

            services.clock.advance(by: 7 * 86_400 - 1)
            #expect(try await services.segments.settleDueFlips() == 0, "nothing is due a second early")
            services.clock.advance(by: 1)
            #expect(try await services.segments.settleDueFlips() == 1)
            #expect(try await services.segments.find(id: viewers.id, as: actor).memberCount == 0, "the first view left the week")
            #expect(try await services.segments.drift(id: viewers.id, as: actor).isEmpty)

            #expect(try await Self.moves(services) == [
                "segment.entered \(order.customerID) order.created",
                "segment.left \(order.customerID) customer.updated",
                "segment.entered \(viewer) tracked_event",
                "segment.left \(viewer) time_passed",
            ])
        }
    }

    @Test("a merge moves membership to the survivor; an erasure leaves every segment; deletion leaves with an event", arguments: TestDatabase.available)
    func mergesAndErasure(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let twice = try await services.segments.create(SegmentDraft(name: "Twice", definition: try Self.definition(#"{"field": "orders.count", "op": ">=", "value": 2}"#)), as: actor)
            let now = services.clock.now()
            let first = try await services.commerce.upsertOrders([Self.order("20", email: "a@example.com", placedAt: now)], as: actor)[0].order.customerID
            let second = try await services.commerce.upsertOrders([Self.order("21", email: "b@example.com", placedAt: now)], as: actor)[0].order.customerID
            #expect(try await services.segments.find(id: twice.id, as: actor).memberCount == 0)
            let merge = try await services.customers.merge(into: first, from: second, as: actor)
            #expect(try await services.segments.members(id: twice.id, page: try PageRequest(), as: actor).items.map(\.id) == [first])
            _ = try await services.customers.unmerge(customerID: first, mergeID: merge.id, as: actor)
            #expect(try await services.segments.find(id: twice.id, as: actor).memberCount == 0, "apart again, each has one order")
            _ = try await services.customers.merge(into: first, from: second, as: actor)
            #expect(try await services.segments.find(id: twice.id, as: actor).memberCount == 1)
            _ = try await services.privacy.erase(customerID: first, as: actor)
            #expect(try await services.segments.find(id: twice.id, as: actor).memberCount == 0)
            #expect(try await services.segments.drift(id: twice.id, as: actor).isEmpty)
        }
    }

    @Test("segments naming segments settle in order; a cycle, an unknown segment and deleting a named one are refused", arguments: TestDatabase.available)
    func segmentsOfSegments(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let buyers = try await services.segments.create(SegmentDraft(name: "Buyers", definition: try Self.definition(#"{"field": "orders.count", "op": ">=", "value": 1}"#)), as: actor)
            let loyal = try await services.segments.create(SegmentDraft(name: "Loyal VIPs", definition: try Self.definition("""
                {"all": [{"field": "segments", "op": "contains", "value": "\(buyers.id)"}, {"field": "tags", "op": "contains", "value": "vip"}]}
                """)), as: actor)
            let customer = try await services.commerce.upsertOrders([Self.order("30", email: "l@example.com", placedAt: services.clock.now())], as: actor)[0].order.customerID
            _ = try await services.customers.addTags(id: customer, ["vip"], as: actor)
            #expect(try await services.segments.find(id: loyal.id, as: actor).memberCount == 1)
            let order = try await services.commerce.upsertOrders([Self.order("30", email: "l@example.com", placedAt: services.clock.now(), status: .cancelled)], as: actor)
            #expect(order[0].order.status == .cancelled)
            #expect(try await services.segments.find(id: buyers.id, as: actor).memberCount == 0)
            #expect(try await services.segments.find(id: loyal.id, as: actor).memberCount == 0, "it follows the segment it names in the same transaction")

            await #expect(throws: RapportError.self) {
                _ = try await services.segments.update(id: buyers.id, SegmentDraft(definition: try Self.definition(
                    #"{"field": "segments", "op": "contains", "value": "\#(loyal.id)"}"#)), as: actor)
            }
            await #expect(throws: RapportError.self) {
                _ = try await services.segments.create(SegmentDraft(name: "Ghost", definition: try Self.definition(
                    #"{"field": "segments", "op": "contains", "value": "seg_nothing"}"#)), as: actor)
            }
            do {
                try await services.segments.delete(id: buyers.id, as: actor)
                Issue.record("a named segment was deleted")
            } catch RapportError.conflict {}
        }
    }

    @Test("insight conditions follow the scoring rounds: a new score moves the customer", arguments: TestDatabase.available)
    func insights(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let scored = try await services.segments.create(SegmentDraft(name: "Scored", definition: try Self.definition("""
                {"all": [{"field": "rfm.frequency_score", "op": ">=", "value": 1}, {"field": "rfm.segment", "op": "is_set"}]}
                """)), as: actor)
            let now = services.clock.now()
            _ = try await services.commerce.upsertOrders([Self.order("40", email: "r@example.com", placedAt: now.addingTimeInterval(-86_400))], as: actor)
            #expect(try await services.segments.find(id: scored.id, as: actor).memberCount == 0, "no score yet")
            _ = try await services.rfm.catchUpAll()
            #expect(try await services.segments.find(id: scored.id, as: actor).memberCount == 1, "the full recompute rebuilt it")
            services.clock.advance(by: 60)
            _ = try await services.commerce.upsertOrders([Self.order("41", email: "s@example.com", placedAt: services.clock.now())], as: actor)
            _ = try await services.rfm.catchUpAll()
            #expect(try await services.segments.find(id: scored.id, as: actor).memberCount == 2, "the catch-up round touched the newly scored customer")
            #expect(try await Self.moves(services).filter { $0.hasSuffix("insights_refreshed") }.count == 2)
            #expect(try await services.segments.drift(id: scored.id, as: actor).isEmpty)

            try await services.segments.recordSizes()
            services.clock.advance(by: 86_400)
            try await services.segments.recordSizes()
            try await services.segments.recordSizes()
            let sizes = try await services.segments.sizes(id: scored.id, since: now.addingTimeInterval(-86_400), as: actor)
            #expect(sizes.map(\.members) == [2, 2], "one size a day, the day's last")
        }
    }

    @Test("a list follows deletions and merges; a segment of everyone takes each new customer; scores are previewed only by those who see them",
          arguments: TestDatabase.available)
    func listsAndLifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let everyone = try await services.segments.create(SegmentDraft(name: "Everyone", definition: try Self.definition(#"{"all": []}"#)), as: actor)
            let list = try await services.segments.create(SegmentDraft(name: "Fair", kind: .list), as: actor)
            let fairFans = try await services.segments.create(SegmentDraft(name: "Fair fans", definition: try Self.definition(
                #"{"field": "segments", "op": "contains", "value": "\#(list.id)"}"#)), as: actor)
            let now = services.clock.now()
            let first = try await services.commerce.upsertOrders([Self.order("50", email: "f@example.com", placedAt: now)], as: actor)[0].order.customerID
            let second = try await services.commerce.upsertOrders([Self.order("51", email: "g@example.com", placedAt: now)], as: actor)[0].order.customerID
            #expect(try await services.segments.find(id: everyone.id, as: actor).memberCount == 2)
            _ = try await services.segments.addToList(id: list.id, customerIDs: [second], as: actor)
            #expect(try await services.segments.find(id: fairFans.id, as: actor).memberCount == 1, "a segment naming a list follows it")
            _ = try await services.customers.merge(into: first, from: second, as: actor)
            #expect(try await services.segments.members(id: list.id, page: try PageRequest(), as: actor).items.map(\.id) == [first])
            #expect(try await services.segments.members(id: fairFans.id, page: try PageRequest(), as: actor).items.map(\.id) == [first])
            try await services.customers.delete(id: first, as: actor)
            for segment in [everyone, list, fairFans] {
                #expect(try await services.segments.find(id: segment.id, as: actor).memberCount == 0, "\(segment.name)")
            }

            let agent = Actor(workspaceID: services.workspaceID, role: .agent, userID: nil, teamIDs: [], label: "agent")
            _ = try await services.segments.preview(try Self.definition(#"{"field": "tags", "op": "contains", "value": "vip"}"#), as: agent)
            await #expect(throws: RapportError.self) {
                _ = try await services.segments.preview(try Self.definition(#"{"field": "clv.lifetime_value", "op": ">", "value": 100}"#), as: agent)
            }
        }
    }

    @Test("a bad definition is refused naming the part at fault")
    func badDefinitions() throws {
        let cases: [(String, String)] = [
            (#"{"field": "orders.count", "op": ">=", "value": -1}"#, "definition.value"),
            (#"{"all": [{"field": "nonsense", "op": "=", "value": 1}]}"#, "definition.all[0].field"),
            (#"{"any": [{"field": "tags", "op": ">", "value": "x"}]}"#, "definition.any[0].op"),
            (#"{"not": {"field": "events.count", "op": ">=", "value": 1, "within_days": 0}}"#, "definition.not.within_days"),
            (#"{"field": "orders.last_placed_at", "op": "before", "value": "1997-02-30"}"#, "definition.value"),
            (#"{"field": "consent", "op": "=", "value": true, "purpose": "marketing", "channel": "fax"}"#, "definition.channel"),
            (#"{"field": "orders.bought", "op": ">=", "value": 1}"#, "definition"),
            (#"{"field": "tags", "op": "contains", "value": "x", "within_days": 3}"#, "definition.within_days"),
            (#"{"all": [], "any": []}"#, "definition"),
            (#"{"field": "attributes.birthday", "op": "within_last_days", "value": 3}"#, "definition.op"),
            (#"{"field": "orders.total_spent", "op": ">", "value": 1e20}"#, "definition.value"),
            (#"{"field": "events.count", "op": ">=", "value": 1, "where": {"a\"b": 1}}"#, "definition.where"),
        ]
        for (text, field) in cases {
            do {
                _ = try SegmentDefinitionParser.parse(try Self.definition(text))
                Issue.record("accepted \(text)")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == [field], "\(text)")
            }
        }
        let round = try SegmentDefinitionParser.parse(try Self.definition("""
            {"any": [{"field": "orders.count", "op": ">=", "value": 2, "placed_from": "1997-01-01", "placed_before": {"days_ago": 30}},
                     {"not": {"field": "consent", "op": "=", "value": true, "purpose": "marketing", "channel": "email"}}]}
            """))
        #expect(try SegmentDefinitionParser.parse(round.json) == round, "a definition reads back as it was written")
    }
}
