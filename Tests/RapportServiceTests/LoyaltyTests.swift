import Foundation
import RapportCore
import RapportStore
import RapportTestSupport
import Testing

/// The points ledger on every path an order takes (ADR 0014), on both engines; after each, the
/// balance row kept with the entries equals the one rebuilt from the ledger.
@Suite("Loyalty ledger")
struct LoyaltyTests {
    static func start(_ services: Services, pendingDays: Int) async throws -> Actor {
        let actor = Actor.operator(workspaceID: services.workspaceID)
        var settings = LoyaltyProgramSettings()
        settings.pendingDays = pendingDays
        _ = try await services.loyalty.setProgram(settings, as: actor)
        return actor
    }

    static func order(_ number: String, email: String = "points@example.com", total: Int64 = 5_000, status: OrderStatus = .paid) -> OrderInput {
        OrderTests.guestOrder(number, email: email, total: total, status: status)
    }

    /// The account, after checking that rebuilding the balances from the ledger changes nothing.
    static func account(_ services: Services, _ customerID: String, as actor: Actor) async throws -> LoyaltyAccount {
        let kept = try await services.loyalty.account(customerID: customerID, page: try PageRequest(limit: 100), as: actor)
        _ = try await services.loyalty.rebuildBalances(workspaceID: services.workspaceID)
        let rebuilt = try await services.loyalty.account(customerID: customerID, page: try PageRequest(limit: 100), as: actor)
        #expect(kept.balance == rebuilt.balance, "the kept balance row equals the ledger's sum")
        return rebuilt
    }

    @Test("an order's points wait until delivery and the returns window, then become usable", arguments: TestDatabase.available)
    func pendingThenUsable(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 14)
            let order = try await services.commerce.upsertOrders([Self.order("L1", total: 12_999)], as: actor)[0].order
            var account = try await Self.account(services, order.customerID, as: actor)
            #expect(account.balance.balance == 0 && account.balance.pending == 129)
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .fulfilled, as: actor)
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .delivered, as: actor)
            services.clock.advance(by: 13 * 86_400)
            #expect(try await services.loyalty.releaseDue() == 0)
            services.clock.advance(by: 2 * 86_400)
            #expect(try await services.loyalty.releaseDue() == 1)
            #expect(try await services.loyalty.releaseDue() == 0, "a released order leaves the due list")
            account = try await Self.account(services, order.customerID, as: actor)
            #expect(account.balance.balance == 129 && account.balance.pending == 0)
            #expect(account.entries.items.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.earn, .release])
        }
    }

    @Test("with no returns window, a delivered order's points are usable at once; a full refund takes them all back", arguments: TestDatabase.available)
    func fullRefund(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 0)
            let order = try await services.commerce.upsertOrders([Self.order("L2", status: .delivered)], as: actor)[0].order
            #expect(try await Self.account(services, order.customerID, as: actor).balance.balance == 50)
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .refunded, as: actor)
            let account = try await Self.account(services, order.customerID, as: actor)
            #expect(account.balance.balance == 0 && account.balance.pending == 0)
            #expect(account.entries.items.contains { $0.kind == .reverse && $0.points == -50 && $0.reason == "Order L2 refunded" })
        }
    }

    @Test("a partial return takes back the refunded share of the points", arguments: TestDatabase.available)
    func partialReturn(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 0)
            var input = Self.order("L3", total: 4_000, status: .delivered)
            input.lines.append(OrderLineInput(sku: "CUP", title: "Cup", quantity: 1, unitPrice: 1_000))
            input.shipping = 500
            let order = try await services.commerce.upsertOrders([input], as: actor)[0].order
            #expect(try await Self.account(services, order.customerID, as: actor).balance.balance == 55)
            let line = try #require(order.lines.first)
            let requested = try await services.commerce.requestReturn(
                ReturnInput(orderID: order.id, items: [ReturnItem(lineID: line.id, quantity: 1)], reason: "Chipped"), as: actor)
            for status in [ReturnStatus.approved, .received, .refunded] {
                _ = try await services.commerce.changeReturnStatus(id: requested.id, to: status, as: actor)
            }
            // 2,000 of 5,500 refunded: 55 × 2000 ÷ 5500 = 20 points back.
            let account = try await Self.account(services, order.customerID, as: actor)
            #expect(account.balance.balance == 35)
            #expect(account.entries.items.contains { $0.kind == .reverse && $0.points == -20 })
        }
    }

    @Test("a cancellation takes the points back, from pending before they were usable and from the balance after", arguments: TestDatabase.available)
    func cancellations(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 14)
            let early = try await services.commerce.upsertOrders([Self.order("L4", email: "early@example.com")], as: actor)[0].order
            #expect(try await Self.account(services, early.customerID, as: actor).balance.pending == 50)
            _ = try await services.commerce.changeStatus(orderID: early.id, to: .cancelled, as: actor)
            var account = try await Self.account(services, early.customerID, as: actor)
            #expect(account.balance == LoyaltyBalance(customerID: early.customerID))
            #expect(try await services.loyalty.releaseDue() == 0, "a cancelled order holds nothing")

            let late = try await services.commerce.upsertOrders([Self.order("L5", email: "late@example.com", status: .delivered)], as: actor)[0].order
            services.clock.advance(by: 15 * 86_400)
            #expect(try await services.loyalty.releaseDue() == 1)
            #expect(try await Self.account(services, late.customerID, as: actor).balance.balance == 50)
            // The shop is the record: it cancels a delivered order.
            _ = try await services.commerce.upsertOrders([Self.order("L5", email: "late@example.com", status: .cancelled)], as: actor)
            account = try await Self.account(services, late.customerID, as: actor)
            #expect(account.balance.balance == 0 && account.balance.pending == 0)
            #expect(account.entries.items.first { $0.kind == .reverse }?.reason == "Order L5 cancelled")
        }
    }

    @Test("a return after the points were spent leaves the balance below zero, and nothing more can be spent", arguments: TestDatabase.available)
    func returnAfterRedemption(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 0)
            let order = try await services.commerce.upsertOrders([Self.order("L6", status: .delivered)], as: actor)[0].order
            let spent = try await services.loyalty.redeem(customerID: order.customerID, points: 40, reason: "10% off", as: actor)
            #expect(spent.kind == .redeem && spent.points == -40 && spent.actor == "operator")
            await #expect(throws: RapportError.self) {
                _ = try await services.loyalty.redeem(customerID: order.customerID, points: 11, reason: "too much", as: actor)
            }
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .refunded, as: actor)
            #expect(try await Self.account(services, order.customerID, as: actor).balance.balance == -40)
            await #expect(throws: RapportError.self) {
                _ = try await services.loyalty.redeem(customerID: order.customerID, points: 1, reason: "below zero", as: actor)
            }
            _ = try await services.loyalty.adjust(customerID: order.customerID, points: 40, reason: "Goodwill after the return", as: actor)
            #expect(try await Self.account(services, order.customerID, as: actor).balance.balance == 0)
        }
    }

    @Test("the same order reported again and again writes each entry once", arguments: TestDatabase.available)
    func replays(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 0)
            for _ in 0..<3 {
                _ = try await services.commerce.upsertOrders([Self.order("L7", status: .delivered)], as: actor)
            }
            let order = try #require(try await services.commerce.orders(number: "L7", as: actor).first)
            for _ in 0..<2 {
                _ = try await services.commerce.upsertOrders([Self.order("L7", status: .refunded)], as: actor)
            }
            let account = try await Self.account(services, order.customerID, as: actor)
            #expect(account.entries.items.map(\.kind).sorted { $0.rawValue < $1.rawValue } == [.earn, .reverse])
            #expect(account.balance.balance == 0)
        }
    }

    @Test("orders recorded before the programme began earn nothing, even when they change later", arguments: TestDatabase.available)
    func history(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let old = try await services.commerce.upsertOrders([Self.order("L8")], as: actor)[0].order
            services.clock.advance(by: 60)
            _ = try await Self.start(services, pendingDays: 0)
            _ = try await services.commerce.changeStatus(orderID: old.id, to: .fulfilled, as: actor)
            #expect(try await Self.account(services, old.customerID, as: actor).entries.items.isEmpty)
            // A replay credits the shop's history, once.
            #expect(try await services.loyalty.replay(as: actor) == (orders: 1, entries: 1))
            #expect(try await services.loyalty.replay(as: actor) == (orders: 1, entries: 0))
            #expect(try await Self.account(services, old.customerID, as: actor).balance.pending == 50)
        }
    }

    @Test("a merge moves the points, pending ones too; an unmerge moves each order's points back, those written since included", arguments: TestDatabase.available)
    func merges(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 14)
            let first = try await services.commerce.upsertOrders([Self.order("L9", email: "one@example.com", status: .delivered)], as: actor)[0].order
            let second = try await services.commerce.upsertOrders([Self.order("L10", email: "two@example.com", total: 3_000, status: .delivered)], as: actor)[0].order
            _ = try await services.customers.merge(into: first.customerID, from: second.customerID, as: actor)
            var survivor = try await Self.account(services, first.customerID, as: actor)
            #expect(survivor.balance.pending == 80 && survivor.balance.balance == 0)
            services.clock.advance(by: 15 * 86_400)
            #expect(try await services.loyalty.releaseDue() == 2)
            survivor = try await Self.account(services, first.customerID, as: actor)
            #expect(survivor.balance.balance == 80 && survivor.balance.pending == 0)
            _ = try await services.customers.unmerge(customerID: first.customerID, mergeID: nil, as: actor)
            #expect(try await Self.account(services, first.customerID, as: actor).balance == LoyaltyBalance(customerID: first.customerID, balance: 50, qualifying: 50))
            #expect(try await Self.account(services, second.customerID, as: actor).balance == LoyaltyBalance(customerID: second.customerID, balance: 30, qualifying: 30))
        }
    }

    @Test("an erased customer's orders, kept for the books, earn nothing again", arguments: TestDatabase.available)
    func erasure(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = try await Self.start(services, pendingDays: 0)
            let order = try await services.commerce.upsertOrders([Self.order("L12", email: "gone@example.com", status: .delivered)], as: actor)[0].order
            #expect(try await Self.account(services, order.customerID, as: actor).balance.balance == 50)
            _ = try await services.privacy.erase(customerID: order.customerID, as: actor)
            #expect(try await services.loyalty.rebuildBalances(workspaceID: services.workspaceID) == 0)
            _ = try await services.commerce.changeStatus(orderID: order.id, to: .refunded, as: actor)
            #expect(try await services.loyalty.replay(as: actor).entries == 0)
            #expect(try await services.loyalty.rebuildBalances(workspaceID: services.workspaceID) == 0)
        }
    }

    @Test("the account in one read: zero without a ledger, tiers, pages newest first; a customer who is not live says why", arguments: TestDatabase.available)
    func accountRead(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let order = try await services.commerce.upsertOrders([Self.order("L13", status: .delivered)], as: actor)[0].order
            var account = try await services.loyalty.account(customerID: order.customerID, page: try PageRequest(limit: 10), as: actor)
            #expect(account.balance == LoyaltyBalance(customerID: order.customerID) && account.tier == nil && account.nextTier == nil)
            #expect(account.entries.items.isEmpty && !account.entries.hasMore, "no programme, no ledger: one row with no entry")

            var settings = LoyaltyProgramSettings()
            settings.pendingDays = 0
            settings.tiers = [LoyaltyTier(name: "Silver", minimum: 100), LoyaltyTier(name: "Gold", minimum: 1_000)]
            _ = try await services.loyalty.setProgram(settings, as: actor)
            _ = try await services.loyalty.replay(as: actor)
            // Tabs, line breaks, quotes and other scripts travel whole (PostgreSQL takes each column as one array).
            let reasons = (1...24).map { "Goodwill \($0)\t“☕” \\ O'Brien\nline two" }
            for reason in reasons {
                services.clock.advance(by: 1)  // ids follow time: a second apart, newest first is the order they were given in
                _ = try await services.loyalty.adjust(customerID: order.customerID, points: 10, reason: reason, as: actor)
            }
            account = try await services.loyalty.account(customerID: order.customerID, page: try PageRequest(limit: 10), as: actor)
            #expect(account.balance.balance == 50 + 240 && account.balance.qualifying == 50, "points given by hand do not count towards a tier")
            #expect(account.tier == nil && account.nextTier?.name == "Silver")
            #expect(account.entries.items.map(\.reason) == Array(reasons.reversed().prefix(10)) && account.entries.hasMore)
            var seen = account.entries.items
            while let last = seen.last, account.entries.hasMore {
                account = try await services.loyalty.account(customerID: order.customerID, page: try PageRequest(limit: 10, startingAfter: last.id), as: actor)
                seen += account.entries.items
            }
            #expect(seen.count == 25 && Set(seen.map(\.id)).count == 25 && seen.map(\.id) == seen.map(\.id).sorted(by: >))
            #expect(seen.last?.kind == .earn && seen.last?.orderID == order.id && seen.first?.orderID == nil && seen.first?.actor == actor.label)
            _ = try await services.loyalty.adjust(customerID: order.customerID, points: 1, reason: "Welcome back", as: actor)
            #expect(try await services.loyalty.account(customerID: order.customerID, page: try PageRequest(limit: 1), as: actor).balance.balance == 291)

            await #expect(throws: RapportError.notFound("No customer with id cus_unknown.")) {
                _ = try await services.loyalty.account(customerID: "cus_unknown", page: try PageRequest(), as: actor)
            }
            let other = try await services.commerce.upsertOrders([Self.order("L14", email: "other@example.com")], as: actor)[0].order
            _ = try await services.customers.merge(into: order.customerID, from: other.customerID, as: actor)
            await #expect(throws: RapportError.mergedInto(order.customerID)) {
                _ = try await services.loyalty.account(customerID: other.customerID, page: try PageRequest(), as: actor)
            }
            try await services.customers.delete(id: order.customerID, as: actor)
            do {
                _ = try await services.loyalty.account(customerID: order.customerID, page: try PageRequest(), as: actor)
                Issue.record("a deleted customer's account was read")
            } catch RapportError.notFound(let message) {
                #expect(message.contains("restore"), "the answer says the customer can be restored")
            }
            let gone = try await services.commerce.upsertOrders([Self.order("L15", email: "gone@example.com")], as: actor)[0].order
            _ = try await services.privacy.erase(customerID: gone.customerID, as: actor)
            do {
                _ = try await services.loyalty.account(customerID: gone.customerID, page: try PageRequest(), as: actor)
                Issue.record("an erased customer's account was read")
            } catch RapportError.gone {
                // An erased customer's account is gone (410), not merely unknown.
            }
        }
    }

    /// A programme whose points are usable at delivery and expire `afterDays` after.
    static func startExpiring(_ services: Services, afterDays: Int, settings: inout LoyaltyProgramSettings) async throws -> Actor {
        let actor = Actor.operator(workspaceID: services.workspaceID)
        settings.pendingDays = 0
        settings.expiryRule = .afterDays
        settings.expiryDays = afterDays
        _ = try await services.loyalty.setProgram(settings, as: actor)
        return actor
    }

    @Test("points expire oldest first, after the programme's days or at a year's end, once however often the job runs", arguments: TestDatabase.available)
    func expiry(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            var settings = LoyaltyProgramSettings()
            let actor = try await Self.startExpiring(services, afterDays: 365, settings: &settings)
            let day = 86_400.0
            let first = try await services.commerce.upsertOrders([Self.order("E1", total: 10_000, status: .delivered)], as: actor)[0].order
            let customer = first.customerID
            services.clock.advance(by: 10 * day)
            _ = try await services.loyalty.redeem(customerID: customer, points: 30, reason: "Spent early", as: actor)
            services.clock.advance(by: 190 * day)
            _ = try await services.commerce.upsertOrders([Self.order("E2", total: 5_000, status: .delivered)], as: actor)
            // Someone whose points went below zero (a return after spending) has nothing to lose.
            let other = try await services.commerce.upsertOrders([Self.order("E3", email: "minus@example.com", total: 2_000, status: .delivered)], as: actor)[0].order
            _ = try await services.loyalty.redeem(customerID: other.customerID, points: 20, reason: "All of it", as: actor)
            _ = try await services.commerce.changeStatus(orderID: other.id, to: .refunded, as: actor)

            services.clock.advance(by: 100 * day)
            #expect(try await services.loyalty.expireDue() == 0, "nothing became usable 365 days ago yet")
            #expect(try await Self.account(services, customer, as: actor).expiring == nil, "nothing expires within 30 days")
            services.clock.advance(by: 40 * day)
            // Day 340: the 70 left of day 0's points expire within the next 30 days; those of day 200 do not.
            #expect(try await Self.account(services, customer, as: actor).expiring
                == LoyaltyExpiryForecast(points: 70, by: services.clock.now().addingTimeInterval(30 * day), withinDays: 30))
            services.clock.advance(by: 26 * day)
            #expect(try await services.loyalty.expireDue() == 1)
            var account = try await Self.account(services, customer, as: actor)
            // 100 given on day 0, 30 spent since: the other 70 expire; the 50 of day 200 stay.
            #expect(account.balance.balance == 50 && account.balance.qualifying == 150, "expiry does not lower a tier")
            let expired = try #require(account.entries.items.first { $0.kind == .expire })
            #expect(expired.points == -70 && expired.reason.contains("365 days") && expired.orderID == nil)
            #expect(try await services.loyalty.expireDue() == 0, "run again: nothing more")
            #expect(try await Self.account(services, other.customerID, as: actor).balance.balance == -20)

            services.clock.advance(by: 200 * day)
            #expect(try await services.loyalty.expireDue() == 1)
            account = try await Self.account(services, customer, as: actor)
            #expect(account.balance.balance == 0 && account.entries.items.filter { $0.kind == .expire }.map(\.points).sorted() == [-70, -50])

            // At the end of the year the points became usable in (UTC): given in June, gone on 1 January.
            settings.expiryRule = .endOfYear
            _ = try await services.loyalty.setProgram(settings, as: actor)
            let now = services.clock.now()
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = TimeZone(identifier: "UTC")!
            let nextYear = try #require(calendar.dateInterval(of: .year, for: now)?.end)
            _ = try await services.loyalty.adjust(customerID: customer, points: 40, reason: "A gift", as: actor)
            #expect(try await Self.account(services, customer, as: actor).expiring == LoyaltyExpiryForecast(points: 40, by: nextYear),
                    "the year's points go when it ends")
            services.clock.advance(by: nextYear.timeIntervalSince(now) - 1)
            #expect(try await services.loyalty.expireDue() == 0, "a second before the year ends")
            services.clock.advance(by: 2)
            #expect(try await services.loyalty.expireDue() == 1)
            #expect(try await Self.account(services, customer, as: actor).balance.balance == 0)
        }
    }

    @Test("a return takes back its own order's points, not the oldest; points spent after an expiry come from those left", arguments: TestDatabase.available)
    func expiryAndReturns(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            var settings = LoyaltyProgramSettings()
            let actor = try await Self.startExpiring(services, afterDays: 100, settings: &settings)
            let day = 86_400.0
            let old = try await services.commerce.upsertOrders([Self.order("R1", total: 10_000, status: .delivered)], as: actor)[0].order
            services.clock.advance(by: 80 * day)
            let recent = try await services.commerce.upsertOrders([Self.order("R2", total: 5_000, status: .delivered)], as: actor)[0].order
            _ = try await services.commerce.changeStatus(orderID: recent.id, to: .refunded, as: actor)
            services.clock.advance(by: 30 * day)
            #expect(try await services.loyalty.expireDue() == 1)
            let account = try await Self.account(services, old.customerID, as: actor)
            #expect(account.balance.balance == 0, "the refund took R2's 50 back and all 100 of R1 expired, not 50")

            // Points taken after an expiry come from the points left, never from those expired.
            services.clock.advance(by: 10 * day)
            _ = try await services.commerce.upsertOrders([Self.order("R3", total: 6_000, status: .delivered)], as: actor)
            _ = try await services.loyalty.redeem(customerID: old.customerID, points: 60, reason: "All of it", as: actor)
            #expect(try await services.loyalty.expireDue() == 0)
            #expect(try await Self.account(services, old.customerID, as: actor).balance.balance == 0)
            services.clock.advance(by: 200 * day)
            #expect(try await services.loyalty.expireDue() == 0, "R3's points were spent: nothing left of them to expire")

            // A return after the points expired takes them back like one after they were spent
            // (the balance may go below zero: ADR 0014's rule).
            _ = try await services.commerce.changeStatus(orderID: old.id, to: .refunded, as: actor)
            #expect(try await Self.account(services, old.customerID, as: actor).balance.balance == -100)
            #expect(try await services.loyalty.expireDue() == 0)
        }
    }

    @Test("a replay over many pages, in shares side by side on PostgreSQL, credits every order once", arguments: TestDatabase.available)
    func replayInPages(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let actor = Actor.operator(workspaceID: services.workspaceID)
            let orders = (1...23).map { Self.order("P\($0)", email: "page\($0 % 5)@example.com", total: 1_000 * Int64($0), status: .delivered) }
            let placed = try await services.commerce.upsertOrders(orders, as: actor).map(\.order)
            var settings = LoyaltyProgramSettings()
            settings.pendingDays = 0
            _ = try await services.loyalty.setProgram(settings, as: actor)
            #expect(try await services.loyalty.replay(pageSize: 3, as: actor) == (orders: 23, entries: 23))
            #expect(try await services.loyalty.replay(pageSize: 3, as: actor) == (orders: 23, entries: 0))
            var total: Int64 = 0
            for customer in Set(placed.map(\.customerID)) {
                total += try await Self.account(services, customer, as: actor).balance.balance
            }
            #expect(total == (1...23).reduce(0) { $0 + 10 * Int64($1) })
        }
    }

    @Test("who may set the programme, spend and give points", arguments: TestDatabase.available)
    func permissions(database: TestDatabase) async throws {
        try await database.withStore { store in
            let services = try await Services.make(on: store)
            let admin = try await Self.start(services, pendingDays: 0)
            let order = try await services.commerce.upsertOrders([Self.order("L11", status: .delivered)], as: admin)[0].order
            let agent = Actor(workspaceID: services.workspaceID, role: .agent, userID: nil, teamIDs: [], label: "user:usr_agent")
            let marketer = Actor(workspaceID: services.workspaceID, role: .marketer, userID: nil, teamIDs: [], label: "user:usr_marketer")
            await #expect(throws: RapportError.self) { _ = try await services.loyalty.setProgram(LoyaltyProgramSettings(), as: agent) }
            await #expect(throws: RapportError.self) { _ = try await services.loyalty.adjust(customerID: order.customerID, points: 5, reason: "x", as: agent) }
            await #expect(throws: RapportError.self) { _ = try await services.loyalty.redeem(customerID: order.customerID, points: 5, reason: "x", as: marketer) }
            _ = try await services.loyalty.redeem(customerID: order.customerID, points: 5, reason: "Asked in chat", as: agent)
            #expect(try await services.loyalty.account(customerID: order.customerID, page: try PageRequest(), as: marketer).balance.balance == 45)
        }
    }
}
