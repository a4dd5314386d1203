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
        try await consenting(world, customer)
        return customer
    }

    /// Marketing consent by e-mail for the customer.
    static func consenting(_ world: JourneyMessageTests.World, _ customerID: String) async throws {
        _ = try await world.services.consents.record(
            ConsentInput(purpose: "marketing", channel: "email", status: "granted", source: "form"), customerID: customerID, witness: ConsentWitness(),
            as: world.actor)
    }

    /// A guest order by a consenting customer, fulfilled and delivered now.
    static func deliver(_ world: JourneyMessageTests.World, _ number: String, email: String) async throws -> Order {
        let order = try await world.services.commerce.upsertOrders([OrderTests.guestOrder(number, email: email)], as: world.actor)[0].order
        try await consenting(world, order.customerID)
        _ = try await world.services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: world.actor)
        return try await world.services.commerce.changeStatus(orderID: order.id, to: .delivered, as: world.actor)
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
            _ = try await Self.deliver(world, "8201", email: "regular@example.com")
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

    @Test("replenishment at the customer's own re-buy interval: one who orders every twelve days, delivered three days after ordering, is reminded nine days after the delivery", arguments: TestDatabase.available)
    func replenishmentAtOwnInterval(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            _ = try await Self.switchOn("replenishment", world)
            let now = world.services.clock.now()
            let earlier = (1...3).map { SegmentTests.order("820\($0)", email: "often@example.com", placedAt: now.addingTimeInterval(-Double(12 * $0) * 86_400), status: .delivered) }
            _ = try await world.services.commerce.upsertOrders(earlier, as: world.actor)
            let order = try await world.services.commerce.upsertOrders([OrderTests.guestOrder("8210", email: "often@example.com")], as: world.actor)[0].order
            try await Self.consenting(world, order.customerID)
            _ = try await world.services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: world.actor)
            world.services.clock.advance(by: 3 * 86_400)
            _ = try await world.services.commerce.changeStatus(orderID: order.id, to: .delivered, as: world.actor)
            world.services.clock.advance(by: 8 * 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty, "not before their next purchase is due")
            world.services.clock.advance(by: 86_400)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.map(\.subject) == ["Running low?"], "twelve days after the order, their own rhythm, not thirty after the delivery")
        }
    }

    @Test("win-back: a customer whose RFM scoring turns \"at risk\" gets the we-miss-you note, the offer a week later; buying again ends it", arguments: TestDatabase.available)
    func winBack(database: TestDatabase) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            let journey = try await Self.switchOn("win_back", world)
            let now = world.services.clock.now()
            let day: TimeInterval = 86_400
            // Nine shoppers who bought yesterday (four of them often), and two who bought three
            // times long ago: the scoring puts these two in "at risk" (low recency, middling frequency).
            var orders: [OrderInput] = []
            for shopper in 0..<9 {
                for number in 0..<(shopper < 4 ? 5 : 1) {
                    orders.append(SegmentTests.order("r\(shopper)-\(number)", email: "recent\(shopper)@example.com", placedAt: now.addingTimeInterval(-day)))
                }
            }
            for (index, email) in ["slipping@example.com", "leaving@example.com"].enumerated() {
                for number in 0..<3 {
                    orders.append(SegmentTests.order("s\(index)-\(number)", email: email, placedAt: now.addingTimeInterval(-Double(200 + number) * day)))
                }
            }
            let placed = try await world.services.commerce.upsertOrders(orders, as: world.actor)
            let slipping = try #require(placed.first { $0.order.number == "s0-0" }?.order.customerID)
            let leaving = try #require(placed.first { $0.order.number == "s1-0" }?.order.customerID)
            for customer in [slipping, leaving] { try await Self.consenting(world, customer) }
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty, "nobody is scored yet")

            _ = try await world.services.rfm.catchUpAll()
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "slipping@example.com") == ["We miss you"])
            #expect(Self.subjects(world, to: "leaving@example.com") == ["We miss you"])
            #expect(world.transport.emails.count == 2, "those who bought yesterday are not written to")

            // One of them buys again: rescored, they leave the segment, which ends their walk (and is the goal).
            world.services.clock.advance(by: 3 * day)
            _ = try await world.services.commerce.upsertOrders([SegmentTests.order("s1-back", email: "leaving@example.com", placedAt: world.services.clock.now())], as: world.actor)
            _ = try await world.services.rfm.catchUpAll()
            world.services.clock.advance(by: 4 * day)
            try await JourneyMessageTests.settle(world)
            #expect(Self.subjects(world, to: "slipping@example.com") == ["We miss you", "A little something to come back for"])
            #expect(Self.subjects(world, to: "leaving@example.com") == ["We miss you"], "back as a customer: no offer")
            let report = try await world.services.journeys.report(id: journey.id, as: world.actor)
            #expect(report.stats.entered == 2 && report.stats.converted == 1)
        }
    }

    @Test(
        "birthday: a customer is greeted at nine on their birthday by their own clock, west of UTC (Los Angeles) and east of UTC+9 (Kiritimati, UTC+14, whose birthday begins while UTC is still on the day before)",
        arguments: TestDatabase.available, ["America/Los_Angeles", "Pacific/Kiritimati"])
    func birthday(database: TestDatabase, zone: String) async throws {
        try await database.withStore { store in
            let world = try await JourneyMessageTests.world(store)
            _ = try await Self.switchOn("birthday", world)
            // 13:33 UTC is early morning in both places: 05:33 in Los Angeles, 03:33 the next day in Kiritimati.
            let now = world.services.clock.now()
            var local = Calendar(identifier: .gregorian)
            local.timeZone = TimeZone(identifier: zone)!
            let day = local.dateComponents([.month, .day], from: now)
            let customer = try await world.services.customers.upsert(
                CustomerInput(
                    identities: [IdentityInput(kind: "email", value: "cake@example.com")], firstName: "Ada", timezone: zone,
                    attributes: ["birthday": .string(String(format: "1990-%02d-%02d", day.month ?? 1, day.day ?? 1))]), as: world.actor
            ).customer.id
            try await Self.consenting(world, customer)
            try await JourneyMessageTests.settle(world)
            let nine = try #require(local.date(bySettingHour: 9, minute: 0, second: 0, of: now))
            let wait = nine.timeIntervalSince(now)
            #expect(wait > 0 && wait < 86_400, "nine on their birthday is still ahead")
            #expect(world.transport.emails.isEmpty)
            world.services.clock.advance(by: wait - 60)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.isEmpty, "not before nine on their clock")
            world.services.clock.advance(by: 60)
            try await JourneyMessageTests.settle(world)
            #expect(world.transport.emails.map(\.subject) == ["Happy birthday, Ada!"])
        }
    }
}
