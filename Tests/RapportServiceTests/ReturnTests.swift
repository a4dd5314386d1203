import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Returns")
struct ReturnTests {
    @Test("a refunded return adjusts the order's totals and status", arguments: TestDatabase.available)
    func refundAdjustsOrder(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            var input = OrderTests.guestOrder("500", email: "r@example.com", total: 4_000, status: .delivered)
            input.lines.append(OrderLineInput(sku: "CUP", title: "Cup", quantity: 1, unitPrice: 1_000))
            input.shipping = 500
            let order = try await services.commerce.upsertOrders([input], as: .operator(workspaceID: services.workspaceID))[0].order
            #expect(order.totals.total == 5_500)
            let mugLine = try #require(order.lines.first)
            let requested = try await services.commerce.requestReturn(
                ReturnInput(orderID: order.id, items: [ReturnItem(lineID: mugLine.id, quantity: 1)], reason: "Chipped"),
                as: .operator(workspaceID: services.workspaceID))
            #expect(requested.status == .requested)
            #expect(try await services.customers.view(id: order.customerID, as: .operator(workspaceID: services.workspaceID)).commerce.openReturns == 1)
            await #expect(throws: RapportError.self) {
                _ = try await services.commerce.changeReturnStatus(id: requested.id, to: .refunded, as: .operator(workspaceID: services.workspaceID))
            }
            for status in [ReturnStatus.approved, .received, .refunded] {
                _ = try await services.commerce.changeReturnStatus(id: requested.id, to: status, as: .operator(workspaceID: services.workspaceID))
            }
            let refunded = try await services.commerce.orderReturn(id: requested.id, as: .operator(workspaceID: services.workspaceID))
            #expect(refunded.refundAmount == 2_000)
            let after = try await services.commerce.order(id: order.id, as: .operator(workspaceID: services.workspaceID))
            #expect(after.totals.refunded == 2_000)
            #expect(after.status == .partiallyRefunded)
            let view = try await services.customers.view(id: order.customerID, as: .operator(workspaceID: services.workspaceID))
            #expect(view.commerce.totalSpent == ["EUR": 3_500])
            #expect(view.commerce.openReturns == 0)
        }
    }

    @Test("no more can come back than was bought", arguments: TestDatabase.available)
    func quantityLimit(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let order = try await services.commerce.upsertOrders([OrderTests.guestOrder("501", email: "q@example.com", status: .delivered)], as: .operator(workspaceID: services.workspaceID))[0].order
            let line = try #require(order.lines.first)
            _ = try await services.commerce.requestReturn(
                ReturnInput(orderID: order.id, items: [ReturnItem(lineID: line.id, quantity: 2)], reason: "Too big"),
                as: .operator(workspaceID: services.workspaceID))
            do {
                _ = try await services.commerce.requestReturn(
                    ReturnInput(orderID: order.id, items: [ReturnItem(lineID: line.id, quantity: 1)], reason: "Again"),
                    as: .operator(workspaceID: services.workspaceID))
                Issue.record("expected a validation error")
            } catch RapportError.invalid(let errors) {
                #expect(errors.map(\.field) == ["items[0].quantity"])
            }
            let page = try await services.commerce.returns(orderID: order.id, status: nil, page: try PageRequest(), as: .operator(workspaceID: services.workspaceID))
            #expect(page.items.count == 1)
        }
    }
}
