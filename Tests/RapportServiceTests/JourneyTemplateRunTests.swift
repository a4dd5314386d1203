import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The built-in journeys switched on as a shop would (a draft from the template with an
/// e-mail inbox, published) and run end to end on the simulated clock, both engines: their
/// triggers, waits, messages under the campaign rules and goals. (The thank-you and review
/// request are in `JourneyMessageTests`, VIP onboarding and lead nurture in `WorkTaskTests`.)
@Suite("Built-in journeys run")
struct JourneyTemplateRunTests {
    static func switchOn(_ key: String, _ world: JourneyMessageTests.World) async throws -> Journey {
        let draft = try await world.services.journeys.create(JourneyDraft(), templateKey: key, inboxID: world.inbox.id, as: world.actor)
        return try await world.services.journeys.publish(id: draft.id, as: world.actor)
    }

    /// A shopper known to tracking as `userID`, with marketing consent by e-mail.
    static func shopper(_ world: JourneyMessageTests.World, _ userID: String) async throws -> String {
        let customer = try await JourneyRunnerTests.customer(world.services, userID, actor: world.actor)
        _ = try await world.services.consents.record(
            ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: customer, witness: ConsentWitness(),
            as: world.actor)
        return customer
    }

    static func subjects(_ world: JourneyMessageTests.World, to address: String) -> [String] {
        world.transport.emails.filter { $0.address == address }.map(\.subject)
    }

    @Test("abandoned cart: a reminder an hour after the checkout, another a day later; an order in between is the goal and ends it", arguments: TestDatabase.available)
    func abandonedCart(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let journey = try await Self.switchOn("abandoned_cart", world)
            let (buyer, browser) = (try await Self.shopper(world, "buyer"), try await Self.shopper(world, "browser"))
            for user in ["buyer", "browser"] { try await JourneyRunnerTests.track(world.services, user, "Checkout Started") }
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty, "an hour first")

            world.services.clock.advance(by: 3_600)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "buyer@example.com") == ["You left something in your cart"])
            #expect(Self.subjects(world, to: "browser@example.com") == ["You left something in your cart"])

            world.services.clock.advance(by: 3_600)
            let order = try await world.services.commerce.upsertOrders([OrderTests.guestOrder("8001", email: "buyer@example.com")], as: world.actor)[0].order
            let paid = [order.currency: order.totals.net]
            let converted = try #require(try await JourneyRunnerTests.enrolment(world.services, buyer, journey: journey, actor: world.actor))
            #expect(converted.status == .completed && converted.endReason == "goal")

            world.services.clock.advance(by: 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "buyer@example.com").count == 1, "the goal ended it: no second reminder")
            #expect(Self.subjects(world, to: "browser@example.com") == ["You left something in your cart", "Still thinking it over?"])
            let report = try await world.services.journeys.report(id: journey.id, as: world.actor)
            let stats = report.stats
            #expect(stats.entered == 2 && stats.converted == 1 && stats.completed == 2)
            #expect(stats.revenue == paid && stats.heldOutRevenue.isEmpty, "the order in the goal's window: \(stats.revenue) against \(paid)")
            let first = try #require(report.steps.first { $0.stepKey == "first_reminder" })
            #expect(first.reached == 2 && first.converted == 1 && first.revenue == paid)
            let second = try #require(report.steps.first { $0.stepKey == "second_reminder" })
            #expect(second.reached == 1 && second.converted == 0 && second.revenue.isEmpty)
            #expect(try await JourneyRunnerTests.enrolment(world.services, browser, journey: journey, actor: world.actor)?.endReason == "end")
        }
    }

    @Test("browse abandonment: a product viewed is followed two hours later by what caught their eye; at most once a week", arguments: TestDatabase.available)
    func browseAbandonment(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let journey = try await Self.switchOn("browse_abandonment", world)
            let viewer = try await Self.shopper(world, "viewer")
            try await JourneyRunnerTests.track(world.services, "viewer", "Product Viewed", properties: ["product_id": .string("MUG-1")])
            world.services.clock.advance(by: 2 * 3_600)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "viewer@example.com") == ["Saw something you liked?"])

            world.services.clock.advance(by: 86_400)
            try await JourneyRunnerTests.track(world.services, "viewer", "Product Viewed")
            world.services.clock.advance(by: 2 * 3_600)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "viewer@example.com").count == 1, "once a week at most")
            #expect(try await world.services.journeys.enrolments(ofCustomer: viewer, as: world.actor).filter { $0.journeyID == journey.id }.count == 1)
        }
    }

    @Test("welcome: a new customer is welcomed at once, shown the favourites three days later, and nudged after a week only if they have not ordered", arguments: TestDatabase.available)
    func welcome(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let journey = try await Self.switchOn("welcome", world)
            var customers: [String] = []
            for address in ["new@example.com", "orderer@example.com"] {
                customers.append(try await JourneyMessageTests.customer(world, address))
            }
            let entered = try await world.services.journeys.report(id: journey.id, as: world.actor).stats.entered
            #expect(entered == 2, "customer.created let both in")
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "new@example.com") == ["Welcome!"])

            world.services.clock.advance(by: 3 * 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "new@example.com") == ["Welcome!", "Our customers' favourites"])
            _ = try await world.services.commerce.upsertOrders([OrderTests.guestOrder("8101", email: "orderer@example.com")], as: world.actor)

            world.services.clock.advance(by: 4 * 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "new@example.com") == ["Welcome!", "Our customers' favourites", "Anything we can help you find?"])
            #expect(Self.subjects(world, to: "orderer@example.com") == ["Welcome!", "Our customers' favourites"], "an order ended it before the nudge")
            let orderer = try #require(try await JourneyRunnerTests.enrolment(world.services, customers[1], journey: journey, actor: world.actor))
            #expect(orderer.endReason == "goal")
        }
    }

    @Test("replenishment: thirty days after a delivery, a reminder to stock up naming what they ordered", arguments: TestDatabase.available)
    func replenishment(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            _ = try await Self.switchOn("replenishment", world)
            let order = try await world.services.commerce.upsertOrders([OrderTests.guestOrder("8201", email: "regular@example.com")], as: world.actor)[0].order
            _ = try await world.services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: order.customerID,
                witness: ConsentWitness(), as: world.actor)
            _ = try await world.services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: world.actor)
            _ = try await world.services.commerce.changeStatus(orderID: order.id, to: .delivered, as: world.actor)
            world.services.clock.advance(by: 29 * 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty)
            world.services.clock.advance(by: 86_400)
            try await JourneyMessageTests.settle(world)
            let reminder = try #require(world.transport.emails.first)
            #expect(reminder.subject == "Running low?" && reminder.address == "regular@example.com")
            #expect(reminder.text.contains("Mug"), "the last order's items are named: \(reminder.text)")
        }
    }

    @Test("birthday: entering the birthday segment on the day, the greeting goes at nine on the customer's own clock", arguments: TestDatabase.available)
    func birthday(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            _ = try await Self.switchOn("birthday", world)
            // 13:33 UTC is 06:33 in Los Angeles: their nine o'clock is still ahead today.
            let now = world.services.clock.now()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let day = calendar.dateComponents([.month, .day], from: now)
            let birthday = String(format: "1990-%02d-%02d", day.month ?? 1, day.day ?? 1)
            let customer = try await world.services.customers.upsert(
                CustomerInput(
                    identities: [IdentityInput(kind: "email", value: "cake@example.com")], firstName: "Ada", timezone: "America/Los_Angeles",
                    attributes: ["birthday": .string(birthday)]), as: world.actor
            ).customer.id
            _ = try await world.services.consents.record(
                ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: customer, witness: ConsentWitness(),
                as: world.actor)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty, "before nine on their clock")
            var local = Calendar(identifier: .gregorian)
            local.timeZone = TimeZone(identifier: "America/Los_Angeles")!
            let nine = try #require(local.date(bySettingHour: 9, minute: 0, second: 0, of: now))
            #expect(nine > now)
            world.services.clock.advance(by: nine.timeIntervalSince(now))
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.map(\.subject) == ["Happy birthday, Ada!"])
        }
    }
}
