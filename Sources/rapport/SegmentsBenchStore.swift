import Foundation
import RapportCore
import RapportLearning
import RapportServer

/// The simulated store `rapport bench segments` measures on, written in bulk straight through
/// the repositories (no HTTP, no events, no segment upkeep): customers in ten cities with an
/// e-mail and the shop's user id, about five orders each over two years, about ten tracked
/// events each over the last sixty days — one of them a `Session Started` exactly
/// `cliffDays` minus `cliffLead` ago for everyone, so that "active in the last 30 days" lapses
/// for every customer at one moment — and an open conversation for one customer in a hundred.
///
/// Rows are laid down as a shop's own history lays them down: customers first, then every
/// order and every tracked event in the order they happened, as checkout and the tracking
/// endpoint append them. A customer's events are spread over the table, and the last week's
/// events of everyone sit together at its end. Ids are stamped in the order rows are
/// written, so each insert lands at the end of its primary key's B-tree and the load stays
/// linear in the store's size.
struct SegmentsBenchStore {
    static let cities = [("Jakarta", "ID"), ("Surabaya", "ID"), ("Berlin", "DE"), ("Hamburg", "DE"), ("Austin", "US"),
                         ("Chicago", "US"), ("Lyon", "FR"), ("Paris", "FR"), ("Osaka", "JP"), ("Tokyo", "JP")]
    static let categories = ["shoes", "socks", "shirts", "jackets", "bags", "hats", "watches", "toys"]
    static let eventNames = ["Product Viewed", "Product Viewed", "Product Viewed", "Page Viewed", "Page Viewed",
                             "Product Added", "Checkout Started", "Product List Viewed"]
    static let skus = 200
    /// The cliff: every customer's one `Session Started` is this many days old, less the lead.
    static let cliffDays = 30
    static let cliffLead: TimeInterval = 1_800
    /// Orders or tracked events written per transaction.
    static let rowsPerTransaction = 50_000

    let customers: Int
    let ordersPerCustomer: Int
    let eventsPerCustomer: Int
    let now: Date

    struct Loaded {
        var customers = 0
        var orders = 0
        var events = 0
        var conversations = 0
    }

    /// An order to write once every customer is: whose, when, what.
    private struct PlannedOrder {
        var customer: Int32
        var placed: Double
        var sku: Int16
        var quantity: Int8
        var cancelled: Bool
        var channel: UInt8
    }

    /// A tracked event to write once every customer is (`name` indexes `eventNames`; `session`
    /// is the `Session Started` of the cliff).
    private struct PlannedEvent {
        static let session = UInt8.max
        var customer: Int32
        var at: Double
        var name: UInt8
        var category: UInt8
    }

    static func userID(_ n: Int) -> String { "user-\(n)" }

    func load(services: AppServices, workspaceID: String, inboxID: String, batch: Int, progress: (String) -> Void) async throws -> Loaded {
        var loaded = Loaded()
        var generator = SeededGenerator(seed: 20_261_204)
        let origin = now.addingTimeInterval(-3 * 365 * 86_400)
        var customerIDs: [String] = []
        customerIDs.reserveCapacity(customers)
        var orders: [PlannedOrder] = []
        orders.reserveCapacity(customers * ordersPerCustomer)
        var events: [PlannedEvent] = []
        events.reserveCapacity(customers * eventsPerCustomer)
        for start in stride(from: 0, to: customers, by: batch) {
            let numbers = start..<min(customers, start + batch)
            var people: [Customer] = []
            var conversations: [Conversation] = []
            for n in numbers {
                let customer = makeCustomer(n, workspaceID: workspaceID, origin: origin, generator: &generator)
                people.append(customer)
                customerIDs.append(customer.id)
                plan(n, orders: &orders, events: &events, generator: &generator)
                if n % 100 == 42 {
                    let opened = now.addingTimeInterval(-86_400)
                    conversations.append(Conversation(
                        id: ResourceID.make(.conversation, at: origin.addingTimeInterval(Double(n) / 1_000), using: &generator),
                        workspaceID: workspaceID, inboxID: inboxID, customerID: customer.id, channel: .whatsapp, contact: SyntheticCustomers.phone(n),
                        lastMessageAt: opened, lastIncomingAt: opened, waitingSince: opened, createdAt: opened, updatedAt: opened))
                }
            }
            try await services.store.write { [people, conversations] session in
                try await session.customers.insert(people)
                for conversation in conversations { try await session.conversations.insert(conversation) }
            }
            loaded.customers += people.count
            loaded.conversations += conversations.count
            if loaded.customers % 100_000 < batch { progress("\(loaded.customers) customers") }
        }

        orders.sort { $0.placed < $1.placed }
        loaded.orders = try await writeInOrder(orders, into: services, noun: "orders, in the order they were placed", progress: progress) { index, planned in
            makeOrder(planned, number: index, customerID: customerIDs[Int(planned.customer)], workspaceID: workspaceID,
                      stamp: origin.addingTimeInterval(Double(index) / 1_000), generator: &generator)
        } insert: { rows, session in try await session.orders.insert(rows) }
        events.sort { $0.at < $1.at }
        loaded.events = try await writeInOrder(events, into: services, noun: "tracked events, in the order they happened", progress: progress) { index, planned in
            makeEvent(planned, number: index, customerID: customerIDs[Int(planned.customer)], workspaceID: workspaceID,
                      stamp: origin.addingTimeInterval(Double(index) / 1_000), generator: &generator)
        } insert: { rows, session in try await session.tracking.insert(rows) }
        return loaded
    }

    /// Writes the planned rows in their order, `rowsPerTransaction` at a time; answers how many.
    private func writeInOrder<Planned, Row: Sendable>(
        _ planned: [Planned], into services: AppServices, noun: String, progress: (String) -> Void, make: (Int, Planned) -> Row,
        insert: @escaping @Sendable ([Row], any StoreSession) async throws -> Void
    ) async throws -> Int {
        for start in stride(from: 0, to: planned.count, by: Self.rowsPerTransaction) {
            let rows = (start..<min(planned.count, start + Self.rowsPerTransaction)).map { make($0, planned[$0]) }
            try await services.store.write { session in try await insert(rows, session) }
            let written = start + rows.count
            if written / 1_000_000 > start / 1_000_000 { progress("\(written) " + noun) }
        }
        return planned.count
    }

    /// Customer `n`: a name, a locale, a city, an e-mail and the shop's user id.
    func makeCustomer(_ n: Int, workspaceID: String, origin: Date, generator: inout SeededGenerator) -> Customer {
        // A customer and their two identities are stamped a millisecond apart each.
        func stamp(_ offset: Int) -> Date { origin.addingTimeInterval(Double(n * 3 + offset) / 1_000) }
        let created = now.addingTimeInterval(-730 * 86_400 * Double(n % 1_000 + 1) / 1_001)
        let (city, country) = Self.cities[n % Self.cities.count]
        var tags: [String] = []
        if n % 10 == 0 { tags.append("vip") }
        if n % 7 == 0 { tags.append("newsletter") }
        let profile = CustomerProfile(
            firstName: SyntheticCustomers.firstName(n), lastName: SyntheticCustomers.lastName(n),
            locale: ["en-US", "id-ID", "de-DE", "fr-FR", "ja-JP"][n % 5], addresses: [Address(city: city, country: country)], tags: tags)
        let identities = [
            Identity(id: ResourceID.make(.identity, at: stamp(1), using: &generator), kind: .email, value: SyntheticCustomers.email(n),
                     source: nil, createdAt: created, provenance: .proven),
            Identity(id: ResourceID.make(.identity, at: stamp(2), using: &generator), kind: .external, value: Self.userID(n),
                     source: TrackingService.source, createdAt: created, provenance: .proven),
        ]
        return Customer(id: ResourceID.make(.customer, at: stamp(0), using: &generator), workspaceID: workspaceID, profile: profile,
                        identities: identities, createdAt: created, updatedAt: created)
    }

    /// The customer's orders and tracked events, to be written later in time order.
    private func plan(_ n: Int, orders: inout [PlannedOrder], events: inout [PlannedEvent], generator: inout SeededGenerator) {
        let twoYears: TimeInterval = 730 * 86_400
        let sixtyDays: TimeInterval = 60 * 86_400
        let reference = now.timeIntervalSinceReferenceDate
        let orderCount = Int(generator.next() % UInt64(2 * ordersPerCustomer + 1))
        for _ in 0..<orderCount {
            let placed = reference - twoYears * Double(generator.next() % 1_000_000) / 1_000_000
            let sku = Int16(generator.next() % UInt64(Self.skus))
            let quantity = Int8(generator.next() % 3) + 1
            let cancelled = generator.next() % 20 == 0
            let channel = UInt8(generator.next() % UInt64(OrderChannel.allCases.count))
            orders.append(PlannedOrder(customer: Int32(n), placed: placed, sku: sku, quantity: quantity, cancelled: cancelled, channel: channel))
        }
        let cliff = reference - Double(Self.cliffDays) * 86_400 + Self.cliffLead
        events.append(PlannedEvent(customer: Int32(n), at: cliff, name: PlannedEvent.session, category: 0))
        let eventCount = eventsPerCustomer > 1 ? Int(generator.next() % UInt64(2 * (eventsPerCustomer - 1) + 1)) : 0
        for _ in 0..<eventCount {
            let at = reference - sixtyDays * Double(generator.next() % 1_000_000) / 1_000_000
            let name = UInt8(generator.next() % UInt64(Self.eventNames.count))
            let category = UInt8(generator.next() % UInt64(Self.categories.count))
            events.append(PlannedEvent(customer: Int32(n), at: at, name: name, category: category))
        }
    }

    private func makeOrder(
        _ planned: PlannedOrder, number: Int, customerID: String, workspaceID: String, stamp: Date, generator: inout SeededGenerator
    ) -> Order {
        let placed = Date(timeIntervalSinceReferenceDate: planned.placed)
        let sku = Int(planned.sku)
        // Numbers, external ids and message ids sort as the rows are written, like the ids.
        let line = OrderLine(id: ResourceID.make(.orderLine, at: stamp, using: &generator), productID: nil, variantID: nil,
                             sku: "SKU-\(sku)", title: "Item \(sku)", quantity: Int(planned.quantity), unitPrice: Int64(1_000 + sku * 150), discount: 0)
        return Order(
            id: ResourceID.make(.order, at: stamp, using: &generator), workspaceID: workspaceID, customerID: customerID,
            number: String(format: "B%08d", number), source: "bench", externalID: String(format: "%08d", number), status: planned.cancelled ? .cancelled : .delivered,
            channel: OrderChannel.allCases[Int(planned.channel)], currency: "USD", lines: [line],
            totals: OrderTotals.computed(lines: [line], discount: 0, tax: 0, shipping: 0), discountCodes: [], shippingAddress: nil,
            email: nil, fulfillments: [], placedAt: placed, cancelledAt: planned.cancelled ? placed.addingTimeInterval(3_600) : nil,
            createdAt: placed, updatedAt: placed)
    }

    private func makeEvent(
        _ planned: PlannedEvent, number: Int, customerID: String, workspaceID: String, stamp: Date, generator: inout SeededGenerator
    ) -> TrackedEvent {
        let session = planned.name == PlannedEvent.session
        let at = Date(timeIntervalSinceReferenceDate: planned.at)
        let n = Int(planned.customer)
        return TrackedEvent(
            id: ResourceID.make(.trackedEvent, at: stamp, using: &generator), workspaceID: workspaceID,
            messageID: String(format: "bench-%09d", number), type: .track,
            name: session ? "Session Started" : Self.eventNames[Int(planned.name)], anonymousID: nil, userID: Self.userID(n),
            customerID: customerID, productRef: nil,
            properties: session ? "{}" : #"{"category":"\#(Self.categories[Int(planned.category)])"}"#, context: "{}",
            occurredAt: at, receivedAt: at)
    }
}
