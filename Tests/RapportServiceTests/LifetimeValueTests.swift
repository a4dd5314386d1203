import Foundation
import RapportCore
import RapportLearning
import RapportStore
import RapportTestSupport
import Testing

@Suite("Lifetime value")
struct LifetimeValueTests {
    static func order(_ number: String, customer: String, daysAgo: Int, total: Int64, status: OrderStatus = .paid,
                      currency: String = "EUR", now: Date) -> OrderInput {
        var input = OrderInput(
            customer: CustomerInput(identities: [IdentityInput(kind: "email", value: "\(customer)@example.com")]),
            number: number, source: "shop", status: status, currency: currency,
            lines: [OrderLineInput(sku: "SKU", title: "Thing", quantity: 1, unitPrice: total)])
        input.placedAt = now.addingTimeInterval(-Double(daysAgo) * 86_400)
        return input
    }

    @Test(
        "the CDNOW sample imported into the database fits the published BG/NBD, Pareto/NBD and Gamma-Gamma parameters",
        .enabled(if: ProcessInfo.processInfo.environment["RAPPORT_CDNOW_SAMPLE"] != nil), arguments: TestDatabase.available)
    func cdnow(database: TestDatabase) async throws {
        let path = try #require(ProcessInfo.processInfo.environment["RAPPORT_CDNOW_SAMPLE"])
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let (rows, rejected) = CDNOWFormat.orders(try String(contentsOfFile: path, encoding: .utf8))
            #expect(rejected.isEmpty)
            _ = try await ImportService(commerce: services.commerce).importOrders(rows, as: .operator(workspaceID: services.workspaceID))
            let end = Date(timeIntervalSince1970: 10_134 * 86_400)  // 1997-09-30
            let (fit, currency) = try await services.lifetime.fit(
                calibrationEnd: end, periodLength: 7, includingPareto: true, as: .operator(workspaceID: services.workspaceID))
            #expect(currency == "USD" && fit.customers == 2357 && fit.repeatCustomers == 946)
            let bgnbd = fit.purchases
            #expect(abs(bgnbd.r - 0.243) < 0.0005 && abs(bgnbd.alpha - 4.414) < 0.0005)
            #expect(abs(bgnbd.a - 0.793) < 0.0005 && abs(bgnbd.b - 2.426) < 0.0005)
            #expect(abs(fit.purchasesLogLikelihood - -9582.4) < 0.05)
            let pareto = try #require(fit.paretoPurchases)
            #expect(abs(pareto.r - 0.553) < 0.0005 && abs(pareto.alpha - 10.578) < 0.0005)
            #expect(abs(pareto.s - 0.606) < 0.0005 && abs(pareto.beta - 11.669) < 0.0005)
            #expect(abs(fit.spend.p - 6.25) < 0.005 && abs(fit.spend.q - 3.74) < 0.005 && abs(fit.spend.gamma - 15.44) < 0.005)
        }
    }

    @Test("a refresh stores every customer's forecast from their orders: same-day orders as one, cancelled, refunded and other currencies left out", arguments: TestDatabase.available)
    func refresh(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let now = services.clock.now()
            var orders = [
                Self.order("A1", customer: "a", daysAgo: 100, total: 5_000, now: now),
                Self.order("A2", customer: "a", daysAgo: 60, total: 3_000, now: now),
                Self.order("A3", customer: "a", daysAgo: 60, total: 1_000, now: now),
                Self.order("A4", customer: "a", daysAgo: 20, total: 2_000, now: now),
                Self.order("A5", customer: "a", daysAgo: 10, total: 9_000, status: .cancelled, now: now),
                Self.order("A6", customer: "a", daysAgo: 5, total: 9_000, status: .refunded, now: now),
                Self.order("D1", customer: "d", daysAgo: 40, total: 7_000, currency: "USD", now: now),
            ]
            // Others so the models have a population to fit: one-time and repeat buyers.
            for index in 0..<24 {
                orders.append(Self.order("F\(index)", customer: "f\(index)", daysAgo: 30 + index * 7, total: 2_000 + Int64(index) * 100, now: now))
                if index % 2 == 0 {
                    orders.append(Self.order("G\(index)", customer: "f\(index)", daysAgo: 10 + index, total: 2_500, now: now))
                }
            }
            let placed = try await services.commerce.upsertOrders(orders, as: .operator(workspaceID: services.workspaceID))
            let customerA = placed[0].order.customerID, customerD = placed[6].order.customerID
            let manager = Actor(workspaceID: services.workspaceID, role: .manager, userID: nil, teamIDs: [], label: "m")
            let model = try #require(try await services.lifetime.refresh(as: manager))
            #expect(model.currency == "EUR" && model.fit.customers == 25 && model.fit.repeatCustomers == 13)
            let stored = try #require(try await services.lifetime.value(customerID: customerA, as: .operator(workspaceID: services.workspaceID)))
            let forecaster = LifetimeForecaster(
                purchases: model.fit.purchases, spend: model.fit.spend, periodLength: 7, horizonMonths: 12, annualDiscountRate: 0.1)
            // Days 100, 60 (two orders, 40.00) and 20 before now: two repeat purchases averaging 30.00.
            let expected = forecaster.forecast(
                PurchaseHistory(frequency: 2, recency: 80.0 / 7, age: 100.0 / 7), spending: SpendHistory(frequency: 2, averageValue: 30))
            #expect(stored.forecast == expected && stored.currency == "EUR")
            #expect(try await services.lifetime.value(customerID: customerD, as: .operator(workspaceID: services.workspaceID)) == nil)
            let top = try await services.lifetime.topValues(limit: 100, as: manager)
            #expect(top.count == 25 && zip(top, top.dropFirst()).allSatisfy { $0.forecast.lifetimeValue >= $1.forecast.lifetimeValue })
            // A second refresh replaces the values, it does not add to them.
            try await services.lifetime.refresh(as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.lifetime.topValues(limit: 100, as: manager).count == 25)
            #expect(try await services.lifetime.model(as: manager)?.fit.customers == 25)

            // The forecast segments the customer list: the valuable ones, and the ones slipping away.
            let values = try await services.lifetime.topValues(limit: 100, as: manager)
            let threshold = values[4].forecast.lifetimeValue
            let valuable = try await services.customers.list(
                filter: CustomerFilter(minimumLifetimeValue: threshold), page: try PageRequest(limit: 100), as: .operator(workspaceID: services.workspaceID))
            #expect(Set(valuable.items.map(\.id)) == Set(values.filter { $0.forecast.lifetimeValue >= threshold }.map(\.customerID)))
            #expect(valuable.items.count >= 5 && valuable.items.count < 25)
            let middle = values.map(\.forecast.probabilityAlive).sorted()[12]
            let slipping = try await services.customers.list(
                filter: CustomerFilter(minimumLifetimeValue: 0, maximumProbabilityAlive: middle), page: try PageRequest(limit: 100), as: .operator(workspaceID: services.workspaceID))
            #expect(!slipping.items.isEmpty)
            #expect(Set(slipping.items.map(\.id)) == Set(values.filter { $0.forecast.probabilityAlive <= middle }.map(\.customerID)))
            #expect(zip(slipping.items, slipping.items.dropFirst()).allSatisfy { $0.id > $1.id })


            // Between fits, a customer who orders again is rescored with the stored parameters
            // within the round; nobody else is touched, and a merged-away customer's value goes.
            #expect(try await services.lifetime.catchUp(as: .operator(workspaceID: services.workspaceID)) == 0)
            services.clock.advance(by: 60)
            _ = try await services.commerce.upsertOrders([Self.order("A7", customer: "a", daysAgo: 0, total: 6_000, now: services.clock.now())], as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.lifetime.catchUp(as: .operator(workspaceID: services.workspaceID)) == 1)
            let rescored = try #require(try await services.lifetime.value(customerID: customerA, as: .operator(workspaceID: services.workspaceID)))
            let again = forecaster.forecast(
                PurchaseHistory(frequency: 3, recency: 100.0 / 7, age: 100.0 / 7), spending: SpendHistory(frequency: 3, averageValue: 40))
            #expect(rescored.forecast == again && rescored.forecast.probabilityAlive > stored.forecast.probabilityAlive)
            let untouched = try #require(values.first { $0.customerID != customerA })
            #expect(try await services.lifetime.value(customerID: untouched.customerID, as: .operator(workspaceID: services.workspaceID)) == untouched)
            services.clock.advance(by: 60)
            _ = try await services.customers.merge(into: customerA, from: untouched.customerID, as: .operator(workspaceID: services.workspaceID))
            #expect(try await services.lifetime.catchUp(as: .operator(workspaceID: services.workspaceID)) == 1)
            #expect(try await services.lifetime.value(customerID: untouched.customerID, as: .operator(workspaceID: services.workspaceID)) == nil)
            #expect(try await services.lifetime.value(customerID: customerA, as: .operator(workspaceID: services.workspaceID))?.forecast != rescored.forecast)
        }
    }

    @Test("too few orders is a clear refusal, and agents may not see insights", arguments: TestDatabase.available)
    func refusals(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let now = services.clock.now()
            _ = try await services.commerce.upsertOrders([Self.order("1", customer: "a", daysAgo: 3, total: 1_000, now: now)], as: .operator(workspaceID: services.workspaceID))
            await #expect(throws: RapportError.self) {
                try await services.lifetime.fit(
                    calibrationEnd: now, periodLength: 7, includingPareto: false, as: .operator(workspaceID: services.workspaceID))
            }
            #expect(try await services.lifetime.refresh(as: .operator(workspaceID: services.workspaceID)) == nil)
            let agent = Actor(workspaceID: services.workspaceID, role: .agent, userID: nil, teamIDs: [], label: "agent")
            await #expect(throws: RapportError.forbidden("An agent may not see the store's insights.")) {
                try await services.lifetime.model(as: agent)
            }
        }
    }
}
