import RapportLearning
import Foundation
import RapportCore

/// A realistic store to look at and to develop against, the same on every machine for a
/// seed: products in variants, customers known on several channels (some twice, which
/// identity resolution merges), two years of orders with seasons and repeat buyers,
/// shipments, returns and refunds, and browsing tracked through the tracking API.
public struct DemoStore: Sendable {
    public var seed: UInt64 = 2026
    public var customers = 5_000
    public var products = 300
    public var orders = 25_000
    /// Customers who also exist a second time, known only by phone (a till receipt), until
    /// an order names both their e-mail and phone and they are merged.
    public var duplicates = 150
    public var trackedEvents = 20_000

    public init() {}

    public struct Summary: Sendable {
        public var customers = 0
        public var merged = 0
        public var products = 0
        public var orders = 0
        public var returns = 0
        public var trackedEvents = 0
    }

    /// What the demo shop's newsletter box says.
    static let newsletterWording = "Yes, send me news and offers by e-mail. I can unsubscribe at any time."

    public func fill(services: AppServices, workspaceID: String, progress: @Sendable (String) -> Void = { _ in }) async throws -> Summary {
        var random = SeededGenerator(seed: seed)
        var summary = Summary()
        let now = services.clock.now()

        let catalog = makeProducts(&random)
        let stored = try await services.commerce.upsertProducts(catalog, as: .operator(workspaceID: workspaceID)).map(\.product)
        summary.products = stored.count
        let variants = stored.flatMap { product in product.variants.map { (product, $0) } }
        progress("\(stored.count) products")

        let people = makeCustomers(&random)
        var customerIDs: [String] = []
        for start in stride(from: 0, to: people.count, by: 1_000) {
            let batch = Array(people[start..<min(people.count, start + 1_000)])
            customerIDs += try await services.customers.upsertMany(batch, as: .system("demo", workspaceID: workspaceID)).map(\.customer.id)
        }
        summary.customers = customerIDs.count
        progress("\(customerIDs.count) customers")

        // Newsletter sign-ups the shop reported, with the wording the customers ticked.
        let signedUp = Array(stride(from: 0, to: min(400, customerIDs.count), by: 2))
        for index in signedUp {
            _ = try await services.consents.record(
                ConsentInput(
                    purpose: ConsentPurpose.marketing.rawValue, channel: ConsentChannel.email.rawValue, status: ConsentStatus.granted.rawValue,
                    source: ConsentSource.shop.rawValue, occurredAt: now.addingTimeInterval(-Double(index) * 3_600), text: Self.newsletterWording),
                customerID: customerIDs[index], witness: .none, as: .system("demo", workspaceID: workspaceID))
        }
        progress("\(signedUp.count) newsletter consents")

        // Till receipts that knew only a phone number, then a web order naming e-mail and phone.
        let duplicated = Array(0..<min(duplicates, people.count))
        let receipts = duplicated.map { index in
            CustomerInput(identities: [IdentityInput(.phone, value: phone(index))], firstName: people[index].firstName, tags: ["store"])
        }
        _ = try await services.customers.upsertMany(receipts, as: .system("demo", workspaceID: workspaceID))
        for index in duplicated {
            let outcome = try await services.customers.upsert(CustomerInput(identities: [IdentityInput(.email, value: email(index, people[index])),
                                           IdentityInput(.phone, value: phone(index))]), as: .system("demo", workspaceID: workspaceID))
            summary.merged += outcome.mergeIDs.count
        }
        progress("\(summary.merged) duplicates merged")

        let orderInputs = makeOrders(&random, customerIDs: customerIDs, people: people, variants: variants, now: now)
        var placed: [Order] = []
        for start in stride(from: 0, to: orderInputs.count, by: 2_500) {
            let batch = Array(orderInputs[start..<min(orderInputs.count, start + 2_500)])
            placed += try await services.commerce.upsertOrders(batch, as: .system("demo", workspaceID: workspaceID)).map(\.order)
        }
        summary.orders = placed.count
        progress("\(placed.count) orders")

        summary.returns = try await makeReturns(&random, orders: placed, services: services, workspaceID: workspaceID)
        progress("\(summary.returns) returns")

        summary.trackedEvents = try await track(&random, people: people, variants: variants, services: services, workspaceID: workspaceID, now: now)
        progress("\(summary.trackedEvents) tracked events")
        try await services.store.refreshStatistics()
        // The insights the server would otherwise compute on its schedule.
        if let model = try await services.lifetime.refresh(as: .system("demo", workspaceID: workspaceID)) {
            progress("\(model.fit.customers) customers' lifetime values")
        }
        try await services.recommendations.train(as: .system("demo", workspaceID: workspaceID))
        try await services.rfm.recompute(as: .system("demo", workspaceID: workspaceID))
        return summary
    }

    private func makeProducts(_ random: inout SeededGenerator) -> [ProductInput] {
        (0..<products).map { index in
            let category = DemoCatalog.categories[index % DemoCatalog.categories.count]
            let name = category.products[(index / DemoCatalog.categories.count) % category.products.count]
            let colour = DemoCatalog.colours[(index / 40) % DemoCatalog.colours.count]
            let price = Int64.random(in: category.prices, using: &random) / 100 * 100 - 10
            let variantCount = Int.random(in: 1...3, using: &random)
            let variants = (0..<variantCount).map { variant in
                ProductVariantInput(
                    externalID: "\(10_000 + index)-\(variant)", sku: String(format: "%@-%03d-%d", category.name.prefix(3).uppercased(), index, variant),
                    title: ["S", "M", "L"][variant], price: price, currency: "EUR")
            }
            return ProductInput(
                source: "demo-shop", externalID: String(10_000 + index), title: "\(name) \(colour)",
                description: "\(name) in \(colour.lowercased()), from the \(category.name) range.", categories: [category.name],
                imageURL: "https://shop.example.com/images/\(10_000 + index).jpg", variants: variants)
        }
    }

    private func email(_ index: Int, _ person: CustomerInput) -> String {
        "\(person.firstName ?? "guest").\(person.lastName ?? "")\(index)".lowercased()
            .folding(options: .diacriticInsensitive, locale: nil) + "@example.com"
    }

    private func phone(_ index: Int) -> String { "+49151\(String(format: "%08d", 10_000_000 + index))" }

    private func makeCustomers(_ random: inout SeededGenerator) -> [CustomerInput] {
        (0..<customers).map { index in
            let first = DemoCatalog.firstNames[Int.random(in: 0..<DemoCatalog.firstNames.count, using: &random)]
            let last = DemoCatalog.lastNames[Int.random(in: 0..<DemoCatalog.lastNames.count, using: &random)]
            var person = CustomerInput(identities: [], firstName: first, lastName: last)
            person.identities = [IdentityInput(.email, value: email(index, person))]
            // The duplicated ones reach the shop by phone only later; the rest often give one at once.
            if index >= duplicates, Double.random(in: 0..<1, using: &random) < 0.6 {
                person.identities.append(IdentityInput(.phone, value: phone(index)))
            }
            if Double.random(in: 0..<1, using: &random) < 0.2 {
                person.identities.append(IdentityInput(.whatsapp, value: "49160\(String(format: "%08d", 20_000_000 + index))"))
            }
            if Double.random(in: 0..<1, using: &random) < 0.3 {
                person.identities.append(IdentityInput(.external, value: String(700_000 + index), source: "shopify"))
            }
            let indonesian = ["Putri", "Budi", "Sari", "Agus"].contains(first)
            person.locale = indonesian ? "id-ID" : (index % 3 == 0 ? "en-GB" : "de-DE")
            person.timezone = indonesian ? "Asia/Jakarta" : "Europe/Berlin"
            person.tags = Double.random(in: 0..<1, using: &random) < 0.08 ? ["vip"] : (index % 2 == 0 ? ["newsletter"] : [])
            person.attributes = ["accepts_marketing": .boolean(index % 2 == 0)]
            return person
        }
    }

    /// Orders over two years: more in November and December, fewer in summer; a few customers
    /// buy often and most rarely (weights falling with rank), as in real shops.
    private func makeOrders(
        _ random: inout SeededGenerator, customerIDs: [String], people: [CustomerInput], variants: [(Product, ProductVariant)],
        now: Date
    ) -> [OrderInput] {
        guard !customerIDs.isEmpty, !variants.isEmpty else { return [] }
        let buyerWeights = customerIDs.indices.map { 1 / pow(Double($0 + 1), 0.7) }
        let buyers = CumulativeWeights(buyerWeights)
        let productWeights = CumulativeWeights(variants.indices.map { 1 / pow(Double($0 % 97 + 1), 0.9) })
        let monthWeight: [Double] = [0.8, 0.7, 0.9, 0.9, 1.0, 0.8, 0.7, 0.75, 1.0, 1.1, 1.6, 1.9]
        let twoYears: TimeInterval = 730 * 86_400
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        var inputs: [OrderInput] = []
        inputs.reserveCapacity(orders)
        while inputs.count < orders {
            let placedAt = now.addingTimeInterval(-Double.random(in: 0..<twoYears, using: &random))
            let month = calendar.component(.month, from: placedAt)
            guard Double.random(in: 0..<2, using: &random) < monthWeight[month - 1] else { continue }
            let buyer = buyers.pick(&random)
            let customerID = customerIDs[buyer]
            var lines: [OrderLineInput] = []
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let (_, variant) = variants[productWeights.pick(&random)]
                lines.append(OrderLineInput(sku: variant.sku, quantity: Int.random(in: 1...2, using: &random), unitPrice: variant.price))
            }
            let subtotal = lines.reduce(Int64(0)) { $0 + Int64($1.quantity) * $1.unitPrice }
            let hasCode = Double.random(in: 0..<1, using: &random) < 0.1
            let discount = hasCode ? subtotal / 10 : 0
            let age = now.timeIntervalSince(placedAt) / 86_400
            let cancelled = Double.random(in: 0..<1, using: &random) < 0.03
            let status: OrderStatus = cancelled ? .cancelled : age > 10 ? .delivered : age > 3 ? .fulfilled : age > 1 ? .paid : .pending
            var fulfillments: [FulfillmentInput] = []
            if status == .delivered || status == .fulfilled {
                let (carrier, url) = DemoCatalog.carriers[inputs.count % DemoCatalog.carriers.count]
                let tracking = String(format: "%@%010d", carrier.prefix(2).uppercased(), 1_000_000 + inputs.count)
                fulfillments.append(FulfillmentInput(
                    carrier: carrier, trackingNumber: tracking, trackingURL: url + tracking,
                    shippedAt: placedAt.addingTimeInterval(86_400),
                    deliveredAt: status == .delivered ? placedAt.addingTimeInterval(3 * 86_400) : nil))
            }
            let channelRoll = Double.random(in: 0..<1, using: &random)
            let channel: OrderChannel = channelRoll < 0.8 ? .web : channelRoll < 0.9 ? .store : channelRoll < 0.95 ? .marketplace : channelRoll < 0.98 ? .social : .phone
            inputs.append(OrderInput(
                customerID: customerID, number: String(100_000 + inputs.count), source: "demo-shop", status: status,
                channel: channel, currency: "EUR", lines: lines, discount: discount, tax: (subtotal - discount) * 19 / 100,
                shipping: subtotal >= 5_000 ? 0 : 490, discountCodes: hasCode ? ["WELCOME10"] : [],
                shippingAddress: DemoCatalog.address(for: buyer), email: email(buyer, people[buyer]), fulfillments: fulfillments,
                placedAt: placedAt))
        }
        return inputs
    }

    private func makeReturns(
        _ random: inout SeededGenerator, orders: [Order], services: AppServices, workspaceID: String
    ) async throws -> Int {
        var count = 0
        for order in orders where order.status == .delivered && Double.random(in: 0..<1, using: &random) < 0.025 {
            guard let line = order.lines.first else { continue }
            let reason = DemoCatalog.returnReasons[Int.random(in: 0..<DemoCatalog.returnReasons.count, using: &random)]
            let request = try await services.commerce.requestReturn(
                ReturnInput(orderID: order.id, items: [ReturnItem(lineID: line.id, quantity: 1)], reason: reason),
                as: .operator(workspaceID: workspaceID))
            count += 1
            let roll = Double.random(in: 0..<1, using: &random)
            let steps: [ReturnStatus] = roll < 0.6 ? [.approved, .received, .refunded] : roll < 0.75 ? [.approved] : roll < 0.85 ? [.rejected] : []
            for step in steps {
                _ = try await services.commerce.changeReturnStatus(id: request.id, to: step, as: .operator(workspaceID: workspaceID))
            }
        }
        return count
    }

    /// Browsing through the tracking API: visitors who later identify themselves, product
    /// views, carts and checkouts.
    private func track(
        _ random: inout SeededGenerator, people: [CustomerInput], variants: [(Product, ProductVariant)],
        services: AppServices, workspaceID: String, now: Date
    ) async throws -> Int {
        var messages: [TrackingMessage] = []
        var stored = 0
        let events = ["Product Viewed", "Product Viewed", "Product Viewed", "Product Added", "Cart Viewed", "Checkout Started"]
        var visitor = 0
        while stored + messages.count < trackedEvents {
            visitor += 1
            let person = Int.random(in: 0..<max(1, people.count), using: &random)
            let anonymousID = "demo-visitor-\(visitor)"
            var time = now.addingTimeInterval(-Double.random(in: 0..<(60 * 86_400), using: &random))
            let identifies = Double.random(in: 0..<1, using: &random) < 0.4
            for step in 0..<Int.random(in: 2...8, using: &random) {
                time.addTimeInterval(Double.random(in: 5...300, using: &random))
                let (product, variant) = variants[Int.random(in: 0..<variants.count, using: &random)]
                let name = step == 0 ? "page" : events[Int.random(in: 0..<events.count, using: &random)]
                messages.append(name == "page"
                    ? TrackingMessage(type: .page, messageID: "demo-\(visitor)-\(step)", anonymousID: anonymousID, name: "Home",
                                      properties: ["path": .string("/")], timestamp: time)
                    : TrackingMessage(type: .track, messageID: "demo-\(visitor)-\(step)", anonymousID: anonymousID, event: name,
                                      properties: ["product_id": .string(product.externalID), "sku": .string(variant.sku ?? ""),
                                                   "name": .string(product.title), "price": .number(Double(variant.price) / 100),
                                                   "currency": .string("EUR")], timestamp: time))
            }
            if identifies {
                messages.append(TrackingMessage(
                    type: .identify, messageID: "demo-\(visitor)-identify", anonymousID: anonymousID,
                    userID: "web-\(person)", properties: ["email": .string(email(person, people[person]))], timestamp: time))
            }
            if messages.count >= 500 {
                stored += try await services.tracking.ingest(messages, workspaceID: workspaceID, provenance: .proven).stored
                messages.removeAll()
            }
        }
        if !messages.isEmpty { stored += try await services.tracking.ingest(messages, workspaceID: workspaceID, provenance: .proven).stored }
        return stored
    }
}
