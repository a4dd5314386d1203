import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Timeline")
struct TimelineTests {
    @Test("touchpoints come back newest first, page by page", arguments: TestDatabase.available)
    func newestFirst(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let customer = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "t@example.com")]), as: .operator(workspaceID: services.workspaceID)).customer
            let base = Date(timeIntervalSince1970: 1_780_000_000)
            for (offset, kind) in [(30, "email_opened"), (10, "page_view"), (20, "order_placed"), (20, "call")] {
                _ = try await services.timeline.record(InteractionInput(channel: "web", direction: "inbound", kind: kind,
                                     occurredAt: base.addingTimeInterval(TimeInterval(offset)),
                                     payload: .object(["url": .string("/p/\(offset)")])), customerID: customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            let first = try await services.customers.timeline(
                customerID: customer.id, page: try PageRequest(limit: 2), as: .operator(workspaceID: services.workspaceID))
            #expect(first.items.first?.kind.rawValue == "email_opened")
            #expect(first.items.first?.payload == .object(["url": .string("/p/30")]))
            #expect(first.hasMore)
            let second = try await services.customers.timeline(
                customerID: customer.id, page: try PageRequest(limit: 2, startingAfter: first.items.last?.id),
                as: .operator(workspaceID: services.workspaceID))
            let all = (first.items + second.items)
            #expect(all.map(\.occurredAt) == all.map(\.occurredAt).sorted(by: >))
            #expect(Set(all.map(\.kind.rawValue)) == ["email_opened", "page_view", "order_placed", "call"])
            #expect(!second.hasMore)
        }
    }

    @Test("an unknown channel is refused and nothing is recorded", arguments: TestDatabase.available)
    func badChannel(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let customer = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "t@example.com")]), as: .operator(workspaceID: services.workspaceID)).customer
            await #expect(throws: RapportError.self) {
                try await services.timeline.record(InteractionInput(channel: "pigeon", direction: "sideways", kind: "Bad Kind"), customerID: customer.id, as: .operator(workspaceID: services.workspaceID))
            }
            let view = try await services.customers.view(id: customer.id, as: .operator(workspaceID: services.workspaceID))
            #expect(view.interactionCount == 0)
        }
    }
}
