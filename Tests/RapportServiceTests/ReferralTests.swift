import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// Referrals on both engines: the reward once the friend's first order stood through its
/// returns window, the rejections, every fraud flag, the review, a code used at checkout, and
/// the referral rate.
@Suite("Referrals")
struct ReferralTests {
    static let street = Address(line1: "Hauptstraße 1", city: "Berlin", postalCode: "10115", country: "DE")

    static func start(_ services: Services, minimum: Int64 = 2_000, maximumUses: Int = 25) async throws -> Actor {
        let actor = Actor.operator(workspaceID: services.workspaceID)
        _ = try await services.referrals.setProgram(
            ReferralProgram(
                workspaceID: services.workspaceID, referrerPoints: 500, friendPoints: 300, minimumOrderAmount: minimum, qualifyingDays: 14,
                maximumUsesPerCode: maximumUses, landingURL: "https://shop.test/welcome", updatedAt: Date()),
            as: actor)
        return actor
    }

    static func customer(_ services: Services, _ email: String, as actor: Actor) async throws -> String {
        try await services.customers.upsert(CustomerInput(identities: [IdentityInput(kind: "email", value: email)]), as: actor).customer.id
    }

    static func order(
        _ services: Services, _ number: String, customerID: String, total: Int64 = 5_000, status: OrderStatus = .paid,
        address: Address? = nil, codes: [String] = [], as actor: Actor
    ) async throws -> Order {
        try await services.commerce.upsertOrders([
            OrderInput(
                customerID: customerID, number: number, status: status, currency: "EUR",
                lines: [OrderLineInput(sku: "MUG", title: "Mug", quantity: 1, unitPrice: total)], discountCodes: codes, shippingAddress: address)
        ], as: actor)[0].order
    }

    static func points(_ services: Services, _ customerID: String, as actor: Actor) async throws -> Int64 {
        try await services.loyalty.account(customerID: customerID, page: try PageRequest(limit: 50), as: actor).balance.balance
    }

    @Test("a friend's first order rewards both sides once it stood through its returns window, and only once", arguments: TestDatabase.available)
    func reward(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services)
            let anna = try await Self.customer(services, "anna@example.com", as: actor)
            let account = try await services.referrals.account(customerID: anna, as: actor)
            #expect(account.code.count == 8)
            #expect(account.link == "https://shop.test/welcome?ref=\(account.code)")
            #expect(try await services.referrals.account(customerID: anna, as: actor).code == account.code, "a customer keeps one code")
            let ben = try await Self.customer(services, "ben@example.com", as: actor)
            let referral = try await services.referrals.refer(code: account.code.lowercased(), friendID: ben, paymentFingerprint: nil, as: actor)
            #expect(referral.status == .pending && referral.flags.isEmpty && referral.referrerID == anna)
            await #expect(throws: RapportError.self) {
                _ = try await services.referrals.refer(code: account.code, friendID: ben, paymentFingerprint: nil, as: actor)
            }
            let order = try await Self.order(services, "R1", customerID: ben, as: actor)
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: actor)
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .delivered, as: actor)
            services.clock.advance(by: 2 * 3600)
            try await services.referrals.settleDue()
            #expect(try await services.referrals.find(id: referral.id, as: actor).status == .pending, "the returns window is still open")
            services.clock.advance(by: 14 * 86_400)
            try await services.referrals.settleDue()
            let rewarded = try await services.referrals.find(id: referral.id, as: actor)
            #expect(rewarded.status == .rewarded && rewarded.orderID == order.id)
            #expect(try await Self.points(services, anna, as: actor) == 500)
            #expect(try await Self.points(services, ben, as: actor) == 300)
            services.clock.advance(by: 86_400)
            try await services.referrals.settleDue()
            #expect(try await Self.points(services, anna, as: actor) == 500, "rewarded once")
            let entries = try await services.loyalty.account(customerID: anna, page: try PageRequest(limit: 10), as: actor).entries.items
            #expect(entries.map(\.kind) == [.reward])
            #expect(try await services.referrals.account(customerID: anna, as: actor).rewarded == 1)
            // Refunded after the reward: both sides give it back, once.
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .refunded, as: actor)
            #expect(try await Self.points(services, anna, as: actor) == 0)
            #expect(try await Self.points(services, ben, as: actor) == 0)
            let takenBack = try await services.referrals.find(id: referral.id, as: actor)
            #expect(takenBack.status == .rejected && takenBack.rejectionReason?.contains("after the reward") == true)
        }
    }

    @Test("merged profiles, a friend who ordered before, and a clean sign-up whose order ships to the referrer are not paid", arguments: TestDatabase.available)
    func settledAgainstTheRecord(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services)
            let anna = try await Self.customer(services, "anna@example.com", as: actor)
            _ = try await Self.order(services, "A1", customerID: anna, status: .delivered, address: Self.street, as: actor)
            let code = try await services.referrals.account(customerID: anna, as: actor).code
            // Her second profile, referred with her code, then merged with her.
            let twin = try await Self.customer(services, "twin@example.com", as: actor)
            let merged = try await services.referrals.refer(code: code, friendID: twin, paymentFingerprint: nil, as: actor)
            _ = try await services.customers.merge(into: twin, from: anna, as: actor)
            // A friend signed up clean, whose first order then ships to Anna's street.
            let carl = try await Self.customer(services, "carl@example.com", as: actor)
            let shipsToAnna = try await services.referrals.refer(code: code, friendID: carl, paymentFingerprint: nil, as: actor)
            #expect(shipsToAnna.status == .pending, "no order yet, nothing to compare")
            _ = try await Self.order(services, "C1", customerID: carl, status: .delivered, address: Self.street, as: actor)
            services.clock.advance(by: 15 * 86_400)
            try await services.referrals.settleDue()
            let one = try await services.referrals.find(id: merged.id, as: actor)
            #expect(one.status == .rejected && one.rejectionReason?.contains("one customer") == true, "\(one.rejectionReason ?? "")")
            let flagged = try await services.referrals.find(id: shipsToAnna.id, as: actor)
            #expect(flagged.status == .flagged && flagged.flags == [.sharedAddress], "\(flagged.flags)")
            #expect(try await Self.points(services, twin, as: actor) == 0)
            #expect(try await Self.points(services, carl, as: actor) == 0)
            // Cleared by a person, it is paid as cleared.
            _ = try await services.referrals.approve(id: shipsToAnna.id, as: actor)
            try await services.referrals.settleDue()
            #expect(try await services.referrals.find(id: shipsToAnna.id, as: actor).status == .rewarded)
            #expect(try await Self.points(services, carl, as: actor) == 300)
        }
    }

    @Test("a first order cancelled, refunded or under the minimum rewards nobody", arguments: TestDatabase.available)
    func rejections(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, minimum: 2_000)
            let code = try await services.referrals.account(customerID: try await Self.customer(services, "anna@example.com", as: actor), as: actor).code
            var referrals: [(Referral, String)] = []
            for (name, total) in [("cancelled", Int64(5_000)), ("small", Int64(1_500)), ("refunded", Int64(5_000))] {
                let friend = try await Self.customer(services, "\(name)@example.com", as: actor)
                let referral = try await services.referrals.refer(code: code, friendID: friend, paymentFingerprint: nil, as: actor)
                let order = try await Self.order(services, "R-\(name)", customerID: friend, total: total, as: actor)
                switch name {
                case "cancelled": _ = try await services.commerce.changeStatus(orderID: order.id, to: .cancelled, as: actor)
                case "refunded":
                    _ = try await services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: actor)
                    _ = try await services.commerce.changeStatus(orderID: order.id, to: .delivered, as: actor)
                    _ = try await services.commerce.changeStatus(orderID: order.id, to: .refunded, as: actor)
                default: break
                }
                referrals.append((referral, name))
            }
            services.clock.advance(by: 2 * 3600)
            try await services.referrals.settleDue()
            for (referral, name) in referrals {
                let settled = try await services.referrals.find(id: referral.id, as: actor)
                #expect(settled.status == .rejected, "\(name)")
                #expect(settled.rejectionReason?.contains(name == "small" ? "minimum" : "cancelled or refunded") == true, "\(name): \(settled.rejectionReason ?? "")")
            }
        }
    }

    @Test("self-referral and shared codes are flagged for review: an alias e-mail, a shared address, a card used twice, too many uses", arguments: TestDatabase.available)
    func fraudFlags(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, maximumUses: 4)
            let anna = try await Self.customer(services, "anna.smith@example.com", as: actor)
            _ = try await Self.order(services, "A1", customerID: anna, address: Self.street, as: actor)
            let code = try await services.referrals.account(customerID: anna, as: actor).code
            // Her own code: refused outright.
            await #expect(throws: RapportError.self) {
                _ = try await services.referrals.refer(code: code, friendID: anna, paymentFingerprint: nil, as: actor)
            }
            // An existing customer is not a new friend.
            let old = try await Self.customer(services, "old@example.com", as: actor)
            _ = try await Self.order(services, "O1", customerID: old, as: actor)
            services.clock.advance(by: 3 * 86_400)
            await #expect(throws: RapportError.self) {
                _ = try await services.referrals.refer(code: code, friendID: old, paymentFingerprint: nil, as: actor)
            }
            let alias = try await services.referrals.refer(
                code: code, friendID: try await Self.customer(services, "annasmith+friend@example.com", as: actor), paymentFingerprint: nil, as: actor)
            #expect(alias.status == .flagged && alias.flags == [.sharedIdentity])
            let neighbour = try await Self.customer(services, "carl@example.com", as: actor)
            _ = try await Self.order(services, "C1", customerID: neighbour, address: Self.street, as: actor)
            let sameAddress = try await services.referrals.refer(code: code, friendID: neighbour, paymentFingerprint: "card_1", as: actor)
            #expect(sameAddress.flags == [.sharedAddress])
            let sameCard = try await services.referrals.refer(
                code: code, friendID: try await Self.customer(services, "dora@example.com", as: actor), paymentFingerprint: "card_1", as: actor)
            #expect(sameCard.flags == [.sharedPaymentFingerprint])
            let fourth = try await services.referrals.refer(
                code: code, friendID: try await Self.customer(services, "eve@example.com", as: actor), paymentFingerprint: nil, as: actor)
            #expect(fourth.status == .pending, "the fourth use is within the limit of 4")
            let fifth = try await services.referrals.refer(
                code: code, friendID: try await Self.customer(services, "finn@example.com", as: actor), paymentFingerprint: nil, as: actor)
            #expect(fifth.flags == [.tooManyUses])
            #expect(try await services.referrals.list(status: .flagged, referrerID: anna, page: try PageRequest(), as: actor).items.count == 4)

            // A person clears one (it then waits for the order like any other) and refuses another.
            let cleared = try await services.referrals.approve(id: sameCard.id, as: actor)
            #expect(cleared.status == .pending && cleared.reviewedBy != nil)
            let refused = try await services.referrals.reject(id: alias.id, reason: "Her own second account", as: actor)
            #expect(refused.status == .rejected && refused.rejectionReason == "Her own second account")
            await #expect(throws: RapportError.self) { _ = try await services.referrals.approve(id: refused.id, as: actor) }
            let agent = Actor(workspaceID: services.workspaceID, role: .agent, userID: "usr_agent", teamIDs: [], label: "user:usr_agent")
            await #expect(throws: RapportError.self) { _ = try await services.referrals.approve(id: fifth.id, as: agent) }
            // A flagged referral is never rewarded on its own.
            _ = try await Self.order(services, "F1", customerID: fifth.friendID, status: .delivered, as: actor)
            services.clock.advance(by: 15 * 86_400)
            try await services.referrals.settleDue()
            #expect(try await services.referrals.find(id: fifth.id, as: actor).status == .flagged)
            #expect(try await Self.points(services, anna, as: actor) == 0)
        }
    }

    @Test("a referral code used as an order's discount code records the referral; the referral rate counts it", arguments: TestDatabase.available)
    func checkoutAndRate(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services)
            let from = services.clock.now()
            let anna = try await Self.customer(services, "anna@example.com", as: actor)
            let code = try await services.referrals.account(customerID: anna, as: actor).code
            let ben = try await Self.customer(services, "ben@example.com", as: actor)
            _ = try await Self.order(services, "B1", customerID: ben, codes: ["SUMMER10", code.lowercased()], as: actor)
            let recorded = try #require(try await services.referrals.list(status: nil, referrerID: anna, page: try PageRequest(), as: actor).items.first)
            #expect(recorded.friendID == ben && recorded.status == .pending && recorded.recordedBy.hasPrefix("order:"))
            // Her own code at her own checkout records nothing.
            _ = try await Self.order(services, "A1", customerID: anna, codes: [code], as: actor)
            #expect(try await services.referrals.list(status: nil, referrerID: nil, page: try PageRequest(), as: actor).items.count == 1)
            _ = try await Self.customer(services, "carl@example.com", as: actor)
            let metrics = try await services.metrics.metrics(
                from: from, to: services.clock.now().addingTimeInterval(60), filter: CustomerFilter(), as: actor)
            #expect(metrics.referralRate == 1.0 / 3.0, "one referred friend among three new customers")
        }
    }
}
