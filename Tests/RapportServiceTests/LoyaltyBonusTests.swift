import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The programme's points for something other than an order (ADR 0014): a published review, a
/// birthday (the sign-up's are in `SignUpTests`); each given once, the kept balance equal to the ledger's after every path.
@Suite("Loyalty bonuses")
struct LoyaltyBonusTests {
    static func start(_ services: Services, _ bonuses: LoyaltyBonuses) async throws -> Actor {
        let actor = Actor.operator(workspaceID: services.workspaceID)
        var settings = LoyaltyProgramSettings()
        settings.pendingDays = 0
        settings.earnPerCurrencyUnit = 0
        settings.bonuses = bonuses
        _ = try await services.loyalty.setProgram(settings, as: actor)
        return actor
    }

    static func bonusEntries(_ services: Services, _ customerID: String, as actor: Actor) async throws -> [LoyaltyEntry] {
        try await LoyaltyTests.account(services, customerID, as: actor).entries.items.filter { $0.kind == .reward }
    }

    @Test("a published review earns once: a verified buyer's by default, taken back when taken down, nothing more when published again; imported reviews earn nothing",
          arguments: TestDatabase.available)
    func reviews(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, LoyaltyBonuses(review: 50))
            let order = try await ReviewRequestTests.deliveredOrder("B-1", email: "reviewer@example.com", services: services, actor: actor)
            let mug = try #require(order.lines.first?.productID)
            let cup = try #require(order.lines.dropFirst().first?.productID)
            let customer = order.customerID

            let review = try await services.reviews.submit(
                productID: mug, ReviewInput(customerID: customer, orderID: order.id, rating: 5, title: "Lovely", body: "Holds heat."), as: actor)
            #expect(review.status == .pending && review.verified)
            #expect(try await Self.bonusEntries(services, customer, as: actor).isEmpty, "nothing while it waits")
            _ = try await services.reviews.approve(id: review.id, as: actor)
            var account = try await LoyaltyTests.account(services, customer, as: actor)
            #expect(account.balance.balance == 50 && account.balance.qualifying == 0, "usable at once; a bonus does not count towards a tier")
            #expect(account.entries.items.first?.origin == "review:\(review.id):earned")
            _ = try await services.reviews.reply(id: review.id, text: "Thank you!", as: actor)
            _ = try await services.reviews.approve(id: review.id, as: actor)
            #expect(try await LoyaltyTests.account(services, customer, as: actor).balance.balance == 50, "a reply or a second approval gives nothing")

            _ = try await services.reviews.reject(id: review.id, reason: "Mentions a competitor", as: actor)
            account = try await LoyaltyTests.account(services, customer, as: actor)
            #expect(account.balance.balance == 0 && account.entries.items.contains { $0.origin == "review:\(review.id):reversed" && $0.points == -50 })
            _ = try await services.reviews.approve(id: review.id, as: actor)
            #expect(try await LoyaltyTests.account(services, customer, as: actor).balance.balance == 0, "a review earns once")

            // An unverified review (no order named) earns nothing under the default, something when the programme allows it.
            let unverified = try await services.reviews.submit(
                productID: cup, ReviewInput(customerID: customer, rating: 4, title: "Small", body: "A small cup."), as: actor)
            _ = try await services.reviews.approve(id: unverified.id, as: actor)
            #expect(try await LoyaltyTests.account(services, customer, as: actor).balance.balance == 0)

            // Reviews the rules publish at once earn as they arrive.
            var rules = ReviewSettings.standard
            rules.autoApprove = true
            rules.verifiedOnly = false
            _ = try await services.reviews.setSettings(rules, as: actor)
            _ = try await Self.start(services, LoyaltyBonuses(review: 20, reviewVerifiedOnly: false))
            let other = try await ReviewRequestTests.deliveredOrder("B-2", email: "second@example.com", services: services, actor: actor)
            let published = try await services.reviews.submit(
                productID: mug, ReviewInput(customerID: other.customerID, rating: 5, title: "Great", body: "Great mug."), as: actor)
            #expect(published.status == .approved && !published.verified)
            #expect(try await LoyaltyTests.account(services, other.customerID, as: actor).balance.balance == 20)

            // A review imported from the shop's old platform earns nothing, even when a person publishes it here.
            rules.autoApprove = false
            _ = try await services.reviews.setSettings(rules, as: actor)
            let imported = try await services.reviews.importReviews(
                [ImportRow(line: 2, input: ImportedReview(email: "second@example.com", product: .id(cup), rating: 5, title: "Old", body: "From before."))],
                source: "shopify", as: actor)
            #expect(imported.created == 1)
            let held = try #require(try await services.reviews.queue(status: .pending, page: try PageRequest(limit: 10), as: actor).items.first { $0.source == ReviewService.importSource })
            _ = try await services.reviews.approve(id: held.id, as: actor)
            #expect(try await LoyaltyTests.account(services, other.customerID, as: actor).balance.balance == 20)
        }
    }

    @Test("a review's points follow it through a merge and back, those written since the merge too; a merged-away profile earns none",
          arguments: TestDatabase.available)
    func merges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, LoyaltyBonuses(review: 50))
            let order = try await ReviewRequestTests.deliveredOrder("M-1", email: "author@example.com", services: services, actor: actor)
            let (mug, cup) = (try #require(order.lines.first?.productID), try #require(order.lines.dropFirst().first?.productID))
            let author = order.customerID
            let published = try await services.reviews.submit(
                productID: mug, ReviewInput(customerID: author, orderID: order.id, rating: 5, title: "Warm", body: "Keeps it warm."), as: actor)
            _ = try await services.reviews.approve(id: published.id, as: actor)
            let waiting = try await services.reviews.submit(
                productID: cup, ReviewInput(customerID: author, orderID: order.id, rating: 4, title: "Small", body: "Small cup."), as: actor)
            let survivor = try await services.customers.upsert(
                CustomerInput(identities: [IdentityInput(kind: "email", value: "same.person@example.com")]), as: actor).customer.id
            _ = try await services.customers.merge(into: survivor, from: author, as: actor)
            #expect(try await LoyaltyTests.account(services, survivor, as: actor).balance.balance == 50)
            // While merged: one review taken down, the other published; both on the survivor.
            _ = try await services.reviews.reject(id: published.id, reason: "Off topic", as: actor)
            _ = try await services.reviews.approve(id: waiting.id, as: actor)
            #expect(try await LoyaltyTests.account(services, survivor, as: actor).balance.balance == 50)
            _ = try await services.customers.unmerge(customerID: survivor, mergeID: nil, as: actor)
            #expect(try await LoyaltyTests.account(services, author, as: actor).balance.balance == 50, "both reviews' points went back with them")
            #expect(try await LoyaltyTests.account(services, survivor, as: actor).balance.balance == 0)

            // A review that stays with a merged-away profile (the survivor reviewed the product too) earns nothing.
            let other = try await ReviewRequestTests.deliveredOrder("M-2", email: "twin@example.com", services: services, actor: actor)
            let twin = try await services.reviews.submit(
                productID: mug, ReviewInput(customerID: other.customerID, orderID: other.id, rating: 5, title: "Same", body: "Same mug."), as: actor)
            _ = try await services.customers.merge(into: author, from: other.customerID, as: actor)
            _ = try await services.reviews.approve(id: twin.id, as: actor)
            let entries = try await store.read { session in try await session.loyalty.entry(origin: "review:\(twin.id):earned", workspaceID: services.workspaceID) }
            #expect(entries == nil)
            #expect(try await LoyaltyTests.account(services, author, as: actor).balance.balance == 50)
        }
    }

    @Test("birthday points go to those whose birthday is today (UTC), once a year however often the sweep runs, and again the next year",
          arguments: TestDatabase.available)
    func birthdays(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            SegmentAnniversaryTests.move(services, to: SegmentAnniversaryTests.time("2027-06-10T08:00:00Z"))
            let actor = try await Self.start(services, LoyaltyBonuses(birthday: 200))
            let today = try await SegmentAnniversaryTests.customer(services, "today@example.com", birthday: .string("1990-06-10"))
            let tomorrow = try await SegmentAnniversaryTests.customer(services, "tomorrow@example.com", birthday: .string("1990-06-11"))
            _ = try await SegmentAnniversaryTests.customer(services, "none@example.com", birthday: nil)
            #expect(try await services.loyalty.giveBirthdayPoints() == 1)
            #expect(try await services.loyalty.giveBirthdayPoints() == 0, "once however often it runs")
            let entry = try #require(try await Self.bonusEntries(services, today, as: actor).first)
            #expect(entry.points == 200 && entry.origin == "birthday:\(today):2027" && entry.reason == "Happy birthday")
            #expect(try await LoyaltyTests.account(services, tomorrow, as: actor).balance.balance == 0)

            services.clock.advance(by: 86_400)
            #expect(try await services.loyalty.giveBirthdayPoints() == 1)
            #expect(try await LoyaltyTests.account(services, tomorrow, as: actor).balance.balance == 200)
            services.clock.advance(by: 365 * 86_400)
            #expect(try await services.loyalty.giveBirthdayPoints() == 1, "2028-06-10: a year on")
            #expect(try await LoyaltyTests.account(services, today, as: actor).balance.balance == 400)

            // A programme that is off, or gives no birthday points, gives none.
            var settings = LoyaltyProgramSettings()
            settings.enabled = false
            settings.bonuses = LoyaltyBonuses(birthday: 200)
            _ = try await services.loyalty.setProgram(settings, as: actor)
            services.clock.advance(by: 86_400)
            #expect(try await services.loyalty.giveBirthdayPoints() == 0)
        }
    }

    @Test("bonuses out of bounds are refused with the field named, and change nothing")
    func settings() async throws {
        try await TestDatabase.sqlite.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, LoyaltyBonuses(review: 10))
            for (field, bonuses) in [("points_for_review", LoyaltyBonuses(review: -1)), ("points_for_sign_up", LoyaltyBonuses(signUp: 1_000_001)),
                                     ("points_for_birthday", LoyaltyBonuses(birthday: -5))] {
                var settings = LoyaltyProgramSettings()
                settings.bonuses = bonuses
                await #expect(throws: RapportError.invalid(field: field, "must be a whole number from 0 to 1000000")) {
                    _ = try await services.loyalty.setProgram(settings, as: actor)
                }
            }
            #expect(try await services.loyalty.program(as: actor)?.bonuses == LoyaltyBonuses(review: 10))
        }
    }
}
