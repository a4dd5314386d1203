import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Orders")
struct OrderTests {
    static func guestOrder(_ number: String, email: String, total: Int64 = 5_000, status: OrderStatus? = .paid) -> OrderInput {
        OrderInput(
            customer: CustomerInput(identities: [IdentityInput(kind: "email", value: email)], firstName: "Guest"),
            number: number, source: "shop", status: status, currency: "eur",
            lines: [OrderLineInput(sku: "MUG-1", title: "Mug", quantity: 2, unitPrice: total / 2)])
    }

    @Test("guest orders with one e-mail land on one customer, whose view sums them", arguments: TestDatabase.available)
    func guestOrders(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let first = try await services.commerce.upsertOrders([Self.guestOrder("1001", email: "Guest@Example.com")], as: .operator(workspaceID: services.workspaceID))[0]
            var later = Self.guestOrder("1002", email: "guest@example.com", total: 3_000)
            later.placedAt = Date(timeIntervalSince1970: 1_900_000_000)
            let second = try await services.commerce.upsertOrders([later], as: .operator(workspaceID: services.workspaceID))[0]
            #expect(first.created && second.created)
            #expect(first.order.customerID == second.order.customerID)
            #expect(first.order.currency == "EUR")
            #expect(first.order.totals == OrderTotals(subtotal: 5_000, discount: 0, tax: 0, shipping: 0, total: 5_000))
            let view = try await services.customers.view(id: first.order.customerID, as: .operator(workspaceID: services.workspaceID))
            #expect(view.commerce.orderCount == 2)
            #expect(view.commerce.totalSpent == ["EUR": 8_000])
            #expect(view.commerce.lastOrder?.number == "1002")
            #expect(view.recentInteractions.filter { $0.kind == .orderPlaced }.count == 2)
        }
    }

    @Test("a repeated report updates the order by source and id, appending a status change", arguments: TestDatabase.available)
    func updateBySourceID(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let created = try await services.commerce.upsertOrders([Self.guestOrder("1001", email: "a@example.com", status: .pending)], as: .operator(workspaceID: services.workspaceID))[0]
            var shipped = Self.guestOrder("1001", email: "a@example.com", status: .fulfilled)
            shipped.fulfillments = [FulfillmentInput(carrier: "UPS", trackingNumber: "1Z999", trackingURL: "https://ups.example/1Z999")]
            let updated = try await services.commerce.upsertOrders([shipped], as: .operator(workspaceID: services.workspaceID))[0]
            #expect(!updated.created)
            #expect(updated.order.id == created.order.id)
            #expect(updated.order.status == .fulfilled)
            #expect(updated.order.fulfillments.map(\.trackingNumber) == ["1Z999"])
            let again = try await services.commerce.upsertOrders([shipped], as: .operator(workspaceID: services.workspaceID))[0]
            #expect(again.order.updatedAt == updated.order.updatedAt)
            let events = try await store.read { try await $0.events.events(after: 0, limit: 100) }.map(\.event.type)
            #expect(events.filter { $0 == .orderStatusChanged }.count == 1)
            #expect(events.filter { $0 == .orderFulfilled }.count == 1)
            #expect(events.filter { $0 == .orderCreated }.count == 1)
            let timeline = try await services.customers.timeline(
                customerID: created.order.customerID, page: try PageRequest(limit: 10), as: .operator(workspaceID: services.workspaceID))
            #expect(Set(timeline.items.map(\.kind.rawValue)) == ["order_placed", "order_shipped", "order_fulfilled"])
        }
    }

    @Test("the lifecycle refuses a step it does not allow, and allows the next one", arguments: TestDatabase.available)
    func lifecycle(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let order = try await services.commerce.upsertOrders([Self.guestOrder("7", email: "l@example.com", status: nil)], as: .operator(workspaceID: services.workspaceID))[0].order
            #expect(order.status == .pending)
            await #expect(throws: RapportError.self) {
                _ = try await services.commerce.changeStatus(orderID: order.id, to: .delivered, as: .operator(workspaceID: services.workspaceID))
            }
            let paid = try await services.commerce.changeStatus(orderID: order.id, to: .paid, as: .operator(workspaceID: services.workspaceID))
            #expect(paid.status == .paid && paid.paidAt != nil)
            let (shipped, _) = try await services.commerce.addFulfillment(
                orderID: order.id, FulfillmentInput(carrier: "DHL", trackingNumber: "JJD1"), as: .operator(workspaceID: services.workspaceID))
            #expect(shipped.status == .fulfilled)
            #expect(try await services.commerce.order(id: order.id, as: .operator(workspaceID: services.workspaceID)).fulfillments.count == 1)
        }
    }

    @Test("an invalid order names each bad field and writes nothing", arguments: TestDatabase.available)
    func invalidOrder(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            var bad = Self.guestOrder("", email: "not-an-email")
            bad.currency = "EURO"
            bad.lines.append(OrderLineInput(title: "Free", quantity: 0, unitPrice: -1))
            // Quantity times price past Int64 (schemathesis sent one): a 422, not a trap.
            bad.lines.append(OrderLineInput(title: "Huge", quantity: Int.max, unitPrice: Int64.max / 2))
            // Each line in range, together past any real order.
            bad.lines.append(OrderLineInput(title: "Bulk", quantity: 100_000, unitPrice: 1_000_000_000_000))
            do {
                _ = try await services.commerce.upsertOrders([bad], as: .operator(workspaceID: services.workspaceID))
                Issue.record("expected a validation error")
            } catch RapportError.invalid(let errors) {
                let fields = Set(errors.map(\.field))
                #expect(fields.isSuperset(of: [
                    "number", "currency", "lines[1].quantity", "lines[1].unit_price", "lines[2].quantity", "lines[2].unit_price", "lines",
                    "customer.identities[0].value",
                ]))
            }
            let counts = try await services.commerce.counts(as: .operator(workspaceID: services.workspaceID))
            #expect(counts.orders == 0 && counts.customers == 0)
        }
    }

    @Test("order lines find catalog variants by sku and shop ids", arguments: TestDatabase.available)
    func catalogLinks(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let product = try await services.commerce.upsertProducts([ProductInput(source: "shop", externalID: "P1", title: "Mug", categories: ["kitchen"], variants: [
                    ProductVariantInput(externalID: "V1", sku: "MUG-1", title: "Blue", price: 1_250, currency: "eur"),
                    ProductVariantInput(externalID: "V2", sku: "MUG-2", title: "Red", price: 1_250, currency: "EUR"),
                ])], as: .operator(workspaceID: services.workspaceID))[0].product
            var input = Self.guestOrder("9", email: "c@example.com")
            input.lines = [
                OrderLineInput(sku: "MUG-1", quantity: 1, unitPrice: 1_250),
                OrderLineInput(variantExternalID: "V2", quantity: 1, unitPrice: 1_250),
            ]
            let order = try await services.commerce.upsertOrders([input], as: .operator(workspaceID: services.workspaceID))[0].order
            #expect(order.lines.map(\.variantID) == product.variants.map(\.id))
            #expect(order.lines.map(\.title) == ["Mug – Blue", "Mug – Red"])
            let renamed = try await services.commerce.upsertProducts([ProductInput(source: "shop", externalID: "P1", title: "Big mug", variants: [
                    ProductVariantInput(externalID: "V1", sku: "MUG-1", title: "Blue", price: 1_500, currency: "EUR"),
                ])], as: .operator(workspaceID: services.workspaceID))[0]
            #expect(!renamed.created)
            #expect(renamed.product.variants.map(\.id) == [product.variants[0].id])
            #expect(try await services.commerce.product(id: product.id, as: .operator(workspaceID: services.workspaceID)).title == "Big mug")
        }
    }
}
