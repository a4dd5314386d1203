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
/// Ids are stamped in the order rows are written (customer by customer, from three years
/// ago), not with the moments the rows tell of, so each insert lands at the end of its
/// primary key's B-tree and the load stays linear in the store's size.
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

    static func userID(_ n: Int) -> String { "user-\(n)" }

    func load(services: AppServices, workspaceID: String, inboxID: String, batch: Int, progress: (Loaded) -> Void) async throws -> Loaded {
        var loaded = Loaded()
        var generator = SeededGenerator(seed: 20_261_204)
        for start in stride(from: 0, to: customers, by: batch) {
            let part = make(start..<min(customers, start + batch), workspaceID: workspaceID, inboxID: inboxID, generator: &generator)
            try await services.store.write { session in
                try await session.customers.insert(part.customers)
                try await session.orders.insert(part.orders)
                try await session.tracking.insert(part.events)
                for conversation in part.conversations { try await session.conversations.insert(conversation) }
            }
            loaded.customers += part.customers.count
            loaded.orders += part.orders.count
            loaded.events += part.events.count
            loaded.conversations += part.conversations.count
            progress(loaded)
        }
        return loaded
    }

    private struct Part {
        var customers: [Customer] = []
        var orders: [Order] = []
        var events: [TrackedEvent] = []
        var conversations: [Conversation] = []
    }

    private func make(_ numbers: Range<Int>, workspaceID: String, inboxID: String, generator: inout SeededGenerator) -> Part {
        var part = Part()
        let twoYears: TimeInterval = 730 * 86_400
        let sixtyDays: TimeInterval = 60 * 86_400
        let cliff = now.addingTimeInterval(-Double(Self.cliffDays) * 86_400 + Self.cliffLead)
        let origin = now.addingTimeInterval(-3 * 365 * 86_400)
        let mostOrders = 2 * ordersPerCustomer + 1
        let firstEventStamp = 2 + mostOrders
        let stampStep = firstEventStamp + 2 * eventsPerCustomer + 1
        for n in numbers {
            // A customer's rows are stamped in a step of milliseconds of their own: identities,
            // then orders, then events, then the conversation.
            func stamp(_ offset: Int) -> Date { origin.addingTimeInterval(Double(n * stampStep + offset) / 1_000) }
            let created = now.addingTimeInterval(-twoYears * Double(n % 1_000 + 1) / 1_001)
            let customerID = ResourceID.make(.customer, at: stamp(0), using: &generator)
            let (city, country) = Self.cities[n % Self.cities.count]
            var tags: [String] = []
            if n % 10 == 0 { tags.append("vip") }
            if n % 7 == 0 { tags.append("newsletter") }
            let profile = CustomerProfile(
                firstName: SyntheticCustomers.firstName(n), lastName: SyntheticCustomers.lastName(n),
                locale: ["en-US", "id-ID", "de-DE", "fr-FR", "ja-JP"][n % 5], addresses: [Address(city: city, country: country)], tags: tags)
            let identities = [
                Identity(id: ResourceID.make(.identity, at: stamp(0), using: &generator), kind: .email, value: SyntheticCustomers.email(n),
                         source: nil, createdAt: created, provenance: .proven),
                Identity(id: ResourceID.make(.identity, at: stamp(1), using: &generator), kind: .external, value: Self.userID(n),
                         source: TrackingService.source, createdAt: created, provenance: .proven),
            ]
            part.customers.append(Customer(id: customerID, workspaceID: workspaceID, profile: profile, identities: identities,
                                           createdAt: created, updatedAt: created))
            let orderCount = Int(generator.next() % UInt64(2 * ordersPerCustomer + 1))
            for k in 0..<orderCount {
                let placed = now.addingTimeInterval(-twoYears * Double(generator.next() % 1_000_000) / 1_000_000)
                let sku = Int(generator.next() % UInt64(Self.skus))
                let quantity = Int(generator.next() % 3) + 1
                let line = OrderLine(id: ResourceID.make(.orderLine, at: stamp(2 + k), using: &generator), productID: nil, variantID: nil,
                                     sku: "SKU-\(sku)", title: "Item \(sku)", quantity: quantity, unitPrice: Int64(1_000 + sku * 150), discount: 0)
                let cancelled = generator.next() % 20 == 0
                part.orders.append(Order(
                    id: ResourceID.make(.order, at: stamp(2 + k), using: &generator), workspaceID: workspaceID, customerID: customerID,
                    number: "B\(n)-\(k)", source: "bench", externalID: "\(n)-\(k)", status: cancelled ? .cancelled : .delivered,
                    channel: OrderChannel.allCases[Int(generator.next() % UInt64(OrderChannel.allCases.count))], currency: "USD", lines: [line],
                    totals: OrderTotals.computed(lines: [line], discount: 0, tax: 0, shipping: 0), discountCodes: [], shippingAddress: nil,
                    email: nil, fulfillments: [], placedAt: placed, cancelledAt: cancelled ? placed.addingTimeInterval(3_600) : nil,
                    createdAt: placed, updatedAt: placed))
            }
            part.events.append(event(n, number: 0, name: "Session Started", properties: "{}", at: cliff, stamp: stamp(firstEventStamp),
                                     customerID: customerID, workspaceID: workspaceID, generator: &generator))
            let eventCount = eventsPerCustomer > 1 ? Int(generator.next() % UInt64(2 * (eventsPerCustomer - 1) + 1)) : 0
            for k in 0..<eventCount {
                let at = now.addingTimeInterval(-sixtyDays * Double(generator.next() % 1_000_000) / 1_000_000)
                let name = Self.eventNames[Int(generator.next() % UInt64(Self.eventNames.count))]
                let category = Self.categories[Int(generator.next() % UInt64(Self.categories.count))]
                part.events.append(event(n, number: k + 1, name: name, properties: #"{"category":"\#(category)"}"#, at: at,
                                         stamp: stamp(firstEventStamp + 1 + k), customerID: customerID, workspaceID: workspaceID, generator: &generator))
            }
            if n % 100 == 42 {
                let opened = now.addingTimeInterval(-86_400)
                part.conversations.append(Conversation(
                    id: ResourceID.make(.conversation, at: stamp(stampStep - 1), using: &generator), workspaceID: workspaceID, inboxID: inboxID,
                    customerID: customerID, channel: .whatsapp, contact: SyntheticCustomers.phone(n), lastMessageAt: opened,
                    lastIncomingAt: opened, waitingSince: opened, createdAt: opened, updatedAt: opened))
            }
        }
        return part
    }

    private func event(
        _ n: Int, number: Int, name: String, properties: String, at date: Date, stamp: Date, customerID: String, workspaceID: String,
        generator: inout SeededGenerator
    ) -> TrackedEvent {
        // Message ids sort as the rows are written, like their ids.
        TrackedEvent(
            id: ResourceID.make(.trackedEvent, at: stamp, using: &generator), workspaceID: workspaceID,
            messageID: String(format: "bench-%08d-%04d", n, number),
            type: .track, name: name, anonymousID: nil, userID: Self.userID(n), customerID: customerID, productRef: nil,
            properties: properties, context: "{}", occurredAt: date, receivedAt: date)
    }
}
