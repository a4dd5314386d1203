import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Tracking")
struct TrackingTests {
    @Test("a retried batch is stored once", arguments: TestDatabase.available)
    func deduplicates(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let batch = (0..<5).map { TrackingMessage(type: .track, messageID: "m\($0)", userID: "u1", event: "Clicked") }
                + [TrackingMessage(type: .track, messageID: "m0", userID: "u1", event: "Clicked")]
            let first = try await services.tracking.ingest(batch, workspaceID: services.workspaceID, provenance: .asserted)
            let second = try await services.tracking.ingest(batch, workspaceID: services.workspaceID, provenance: .asserted)
            #expect(first == TrackingReceipt(stored: 5, duplicates: 1))
            #expect(second == TrackingReceipt(stored: 0, duplicates: 6))
            let counts = try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID))
            #expect(counts.trackedEvents == 5)
            #expect(counts.customers == 1)
        }
    }

    @Test("an anonymous visitor's history joins the customer at identify", arguments: TestDatabase.available)
    func stitchesAtIdentify(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            _ = try await services.tracking.ingest([
                TrackingMessage(type: .page, messageID: "p1", anonymousID: "visitor-9", name: "Home"),
                TrackingMessage(type: .track, messageID: "p2", anonymousID: "visitor-9", event: "Product Viewed",
                                properties: ["product_id": .string("P1")]),
            ], workspaceID: services.workspaceID, provenance: .asserted)
            #expect(try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID)).customers == 0)
            _ = try await services.tracking.ingest([
                TrackingMessage(type: .identify, messageID: "i1", anonymousID: "visitor-9", userID: "42",
                                properties: ["email": .string("Vis@Example.com"), "firstName": .string("Vi"), "plan": .string("pro"),
                                             "address": .object(["city": .string("Berlin")])]),
            ], workspaceID: services.workspaceID, provenance: .asserted)
            let customerID = try #require(try await services.customers.customerID(for: IdentityInput(kind: "email", value: "vis@example.com"), as: .operator(workspaceID: services.workspaceID)))
            let view = try await services.customers.view(id: customerID, as: .operator(workspaceID: services.workspaceID))
            #expect(view.customer.profile.firstName == "Vi")
            #expect(view.customer.profile.attributes["plan"] == .string("pro"))
            #expect(Set(view.customer.identities.map(\.kind)) == [.anonymous, .external, .email])
            let timeline = try await services.customers.timeline(
                customerID: customerID, page: try PageRequest(limit: 10), as: .operator(workspaceID: services.workspaceID))
            #expect(timeline.items.map(\.kind.rawValue).sorted() == ["identify", "page", "track"])
        }
    }

    @Test("Order Completed from a server key makes an order and Order Refunded refunds it", arguments: TestDatabase.available)
    func ecommerceEvents(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let completed = TrackingMessage(
                type: .track, messageID: "o1", userID: "7", event: "Order Completed",
                properties: [
                    "order_id": .string("50314b8e"), "total": .number(27.5), "tax": .number(2.5), "currency": .string("USD"),
                    "coupon": .string("HASHTAG"),
                    "products": .array([.object(["product_id": .string("507f"), "sku": .string("45790-32"),
                                                 "name": .string("Monopoly"), "price": .number(12.5), "quantity": .number(2)])]),
                ])
            _ = try await services.tracking.ingest([completed], workspaceID: services.workspaceID, provenance: .proven)
            let order = try #require(try await services.commerce.orders(number: "50314b8e", as: .operator(workspaceID: services.workspaceID)).first)
            #expect(order.totals.total == 2_750 && order.totals.tax == 250)
            #expect(order.lines.map(\.quantity) == [2] && order.lines.first?.unitPrice == 1_250)
            #expect(order.discountCodes == ["HASHTAG"] && order.status == .paid)
            _ = try await services.tracking.ingest([
                TrackingMessage(type: .track, messageID: "r1", userID: "7", event: "Order Refunded",
                                properties: ["order_id": .string("50314b8e"), "total": .number(10)]),
            ], workspaceID: services.workspaceID, provenance: .proven)
            let refunded = try await services.commerce.order(id: order.id, as: .operator(workspaceID: services.workspaceID))
            #expect(refunded.totals.refunded == 1_000 && refunded.status == .partiallyRefunded)
        }
    }

    @Test("one invalid call refuses the whole batch", arguments: TestDatabase.available)
    func invalidBatch(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            do {
                _ = try await services.tracking.ingest([
                    TrackingMessage(type: .track, messageID: "ok", userID: "1", event: "Fine"),
                    TrackingMessage(type: .track, messageID: "bad"),
                ], workspaceID: services.workspaceID, provenance: .asserted)
                Issue.record("expected a validation error")
            } catch RapportError.invalid(let errors) {
                #expect(Set(errors.map(\.field)) == ["batch[1].userId", "batch[1].event"])
            }
            #expect(try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID)).trackedEvents == 0)
        }
    }

    @Test("a repeated identify with the same traits changes nothing; new traits update the profile", arguments: TestDatabase.available)
    func repeatedIdentify(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            func identify(_ id: String, plan: String) async throws {
                _ = try await services.tracking.ingest([
                    TrackingMessage(type: .identify, messageID: id, anonymousID: "v1", userID: "7",
                                    properties: ["email": .string("seven@example.com"), "plan": .string(plan)]),
                ], workspaceID: services.workspaceID, provenance: .asserted)
            }
            func updates() async throws -> Int {
                try await store.read { try await $0.events.events(after: 0, limit: 1000) }
                    .filter { $0.event.type == .customerUpdated }.count
            }
            try await identify("i1", plan: "gold")
            let afterFirst = try await updates()
            try await identify("i2", plan: "gold")
            #expect(try await updates() == afterFirst)
            try await identify("i3", plan: "platinum")
            #expect(try await updates() == afterFirst + 1)
            let customerID = try #require(try await services.customers.customerID(for: IdentityInput(kind: "external", value: "7", source: "app"), as: .operator(workspaceID: services.workspaceID)))
            let customer = try await services.customers.view(id: customerID, as: .operator(workspaceID: services.workspaceID)).customer
            #expect(customer.profile.attributes["plan"] == .string("platinum"))
            #expect(try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID)).trackedEvents == 3)
        }
    }
}
