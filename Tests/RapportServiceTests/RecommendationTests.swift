import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

@Suite("Recommendations")
struct RecommendationTests {
    /// Coffee (bought again and again) and mugs; customers who buy beans buy a mug with them,
    /// customers who buy the grinder buy the scale later.
    static let products = [("beans", "Coffee"), ("grinder", "Coffee"), ("scale", "Coffee"), ("mug", "Mugs"), ("cup", "Mugs"), ("saucer", "Mugs")]

    static func order(_ number: String, _ customer: String, _ items: [String], daysAgo: Double, now: Date) -> OrderInput {
        var input = OrderInput(
            customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "\(customer)@example.com")]),
            number: number, source: "shop", status: .paid, currency: "EUR",
            lines: items.map { OrderLineInput(sku: $0.uppercased(), title: $0, quantity: 1, unitPrice: 1_000) })
        input.placedAt = now.addingTimeInterval(-daysAgo * 86_400)
        return input
    }

    @Test("for you from purchases and views, just-bought left out unless bought again and again, fallbacks for strangers; bought together and similar per product", arguments: TestDatabase.available)
    func recommendations(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            let now = services.clock.now()
            let created = try await services.commerce.upsertProducts(Self.products.map { name, category in
                ProductInput(source: "shop", externalID: "ext-\(name)", title: name, categories: [category],
                             variants: [ProductVariantInput(sku: name.uppercased(), price: 1_000, currency: "EUR")])
            }, as: .operator(workspaceID: workspaceID))
            let id = Dictionary(uniqueKeysWithValues: zip(Self.products.map(\.0), created.map(\.product.id)))
            var orders: [OrderInput] = []
            for index in 0..<8 {
                orders.append(Self.order("b\(index)", "beans\(index)", ["beans", "mug"], daysAgo: 60 + Double(index), now: now))
                orders.append(Self.order("r\(index)", "beans\(index)", ["beans"], daysAgo: 20 + Double(index), now: now))
                orders.append(Self.order("g\(index)", "grind\(index)", ["grinder"], daysAgo: 50, now: now))
                orders.append(Self.order("s\(index)", "grind\(index)", ["scale"], daysAgo: 40, now: now))
            }
            orders.append(Self.order("t1", "target", ["grinder"], daysAgo: 3, now: now))
            orders.append(Self.order("t2", "target", ["beans"], daysAgo: 2, now: now))
            let placed = try await services.commerce.upsertOrders(orders, as: .operator(workspaceID: workspaceID))
            let target = try #require(placed.last?.order.customerID)
            // A shopper who only looked at saucers, identified by e-mail.
            _ = try await services.tracking.ingest([
                TrackingMessage(type: .identify, messageID: "i1", userID: "web-1", properties: ["email": .string("viewer@example.com")], timestamp: now),
                TrackingMessage(type: .track, messageID: "v1", userID: "web-1", event: "Product Viewed",
                                properties: ["product_id": .string("ext-saucer")], timestamp: now),
            ], workspaceID: workspaceID, provenance: .asserted)
            let actor = Actor.operator(workspaceID: workspaceID)
            let viewer = try #require(try await services.customers.list(query: "viewer@example.com", page: PageRequest(), as: .operator(workspaceID: workspaceID)).items.first)

            let forTarget = try await services.recommendations.forCustomer(id: target, limit: 4, as: actor)
            // The mug goes with the beans (bought last, so they count most), the scale follows the grinder;
            // the grinder itself (bought three days ago, bought once by everyone) is left out, while beans,
            // bought again and again, may come back.
            #expect(forTarget.prefix(2).map(\.productID) == [id["mug"]!, id["scale"]!])
            #expect(forTarget.prefix(2).allSatisfy { $0.reason == .forYou && $0.score > 0 })
            #expect(!forTarget.contains { $0.productID == id["grinder"] })
            #expect(forTarget.contains { $0.productID == id["beans"] })
            #expect(Set(forTarget.map(\.productID)).count == forTarget.count && forTarget.count == 4)

            let forViewer = try await services.recommendations.forCustomer(id: viewer.id, limit: 3, as: actor)
            #expect(forViewer.allSatisfy { [id["mug"], id["cup"]].contains($0.productID) || $0.reason == .popular })
            #expect(forViewer.first?.productID == id["mug"] && forViewer.first?.reason == .category)

            let stranger = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: "new@example.com")]), as: .operator(workspaceID: workspaceID))
            let forStranger = try await services.recommendations.forCustomer(id: stranger.customer.id, limit: 2, as: actor)
            // Beans and the grinder have the most buyers (nine each).
            #expect(forStranger.map(\.reason) == [.popular, .popular])
            #expect(Set(forStranger.map(\.productID)) == [id["beans"]!, id["grinder"]!])

            let (together, similar) = try await services.recommendations.forProduct(id: id["beans"]!, limit: 5, as: actor)
            #expect(together.map(\.productID) == [id["mug"]!] && together.first?.score == 8)
            #expect(similar.first?.productID == id["mug"])
            let forGrinder = try await services.recommendations.forProduct(id: id["grinder"]!, limit: 5, as: actor)
            #expect(forGrinder.boughtTogether.isEmpty && forGrinder.similar.first?.productID == id["scale"])

            await #expect(throws: RapportError.notFound("No product with id prd_missing.")) {
                try await services.recommendations.forProduct(id: "prd_missing", limit: 5, as: actor)
            }
        }
    }

    @Test("the schedule trains a missing model, retrains after enough changed orders or an hour, and not in between", arguments: TestDatabase.available)
    func schedule(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let workspaceID = services.workspaceID
            _ = try await services.commerce.upsertProducts(Self.products.map { name, category in
                ProductInput(source: "shop", externalID: "ext-\(name)", title: name, categories: [category],
                             variants: [ProductVariantInput(sku: name.uppercased(), price: 1_000, currency: "EUR")])
            }, as: .operator(workspaceID: workspaceID))
            func place(_ count: Int, from first: Int) async throws {
                let now = services.clock.now()
                let orders = (first..<first + count).map { Self.order("n\($0)", "buyer\($0)", ["beans", "mug"], daysAgo: 1, now: now) }
                _ = try await services.commerce.upsertOrders(orders, as: .operator(workspaceID: workspaceID))
            }
            try await place(10, from: 0)
            #expect(try await services.recommendations.trainStale() == 1)
            #expect(try await services.recommendations.trainStale() == 0)
            // Enough orders changed at once, but the model is too young: wait for the minimum age.
            try await place(RecommendationService.retrainOrders, from: 10)
            #expect(try await services.recommendations.trainStale() == 0)
            services.clock.advance(by: RecommendationService.minimumModelAge + 1)
            #expect(try await services.recommendations.trainStale() == 1)
            // One order short of the threshold: the model waits for its hour.
            services.clock.advance(by: RecommendationService.minimumModelAge + 1)
            try await place(RecommendationService.retrainOrders - 1, from: 100)
            #expect(try await services.recommendations.trainStale() == 0)
            services.clock.advance(by: RecommendationService.maximumModelAge)
            #expect(try await services.recommendations.trainStale() == 1)
        }
    }
}
