import Foundation
import RapportLearning

/// A workspace's trained recommender and the store's rules around it: Rapport's model (EASE
/// over a recency-weighted profile) for customers it knows, "frequently bought together" from
/// orders, popularity and category fallbacks, and no product the customer just bought unless
/// people buy it again and again.
public struct StoreRecommender: Sendable {
    /// The dense item model covers the products with the most customers (memory and training
    /// grow with the square and the cube of this); the rest are served by the fallbacks.
    public static let maximumModelItems = 3_000
    /// How much each tracked product event says, against 1 for a purchase.
    public static let eventWeights: [String: Double] = [
        "Product Viewed": 0.25, "Product Clicked": 0.25, "Product Shared": 0.25, "Product Reviewed": 0.5,
        "Product Added": 0.5, "Product Added to Wishlist": 0.5,
        // Placing it in one's room (the product snippet's AR link) says more than a look.
        "AR Viewed": 0.5, "3D Viewed": 0.25,
    ]
    /// A purchase this recent is not recommended again, unless the product is a repeat item.
    public static let justBought: TimeInterval = 30 * 86_400
    /// Popularity counts the last 90 days of orders (all orders when those are too few).
    public static let popularityWindow: TimeInterval = 90 * 86_400
    /// A product is a repeat item when at least this share of its buyers bought it on two
    /// orders or more (coffee, not a sofa).
    public static let repeatShare = 0.2

    let catalog: ItemCatalog
    let model: EASERecommender?
    let pairs: BasketPairs
    /// Active products by popularity, most popular first; and per category.
    let popular: [String]
    let popularByCategory: [String: [String]]
    let categories: [String: [String]]
    let repeatItems: Set<String>
    public let trainedAt: Date
    /// The orders it learnt from.
    public let orderCount: Int

    public init(lines: [PurchasedLine], events: [ItemInteraction], categories: [String: [String]], now: Date) {
        self.categories = categories
        self.trainedAt = now
        orderCount = Set(lines.map(\.orderID)).count
        var interactions = lines.map { ItemInteraction(user: $0.customerID, item: $0.productID, time: $0.placedAt.timeIntervalSince1970) }
        interactions += events
        // Keep the products with the most customers for the dense model.
        var customers: [String: Set<String>] = [:]
        for interaction in interactions { customers[interaction.item, default: []].insert(interaction.user) }
        if customers.count > Self.maximumModelItems {
            let kept = Set(customers.sorted { ($0.value.count, $1.key) > ($1.value.count, $0.key) }.prefix(Self.maximumModelItems).map(\.key))
            interactions = interactions.filter { kept.contains($0.item) }
        }
        catalog = ItemCatalog(interactions)
        model = EASERecommender(catalog: catalog)
        var orders: [String: [Int]] = [:]
        for line in lines { if let item = catalog.numbers[line.productID] { orders[line.orderID, default: []].append(item) } }
        pairs = BasketPairs(baskets: orders.keys.sorted().compactMap { orders[$0] }, itemCount: catalog.count)
        // Popularity: distinct buyers in the window, or overall.
        let recent = lines.filter { now.timeIntervalSince($0.placedAt) <= Self.popularityWindow }
        var buyers: [String: Set<String>] = [:]
        for line in (recent.count >= 50 ? recent : lines) { buyers[line.productID, default: []].insert(line.customerID) }
        popular = categories.keys.sorted { (buyers[$0]?.count ?? 0, $1) > (buyers[$1]?.count ?? 0, $0) }
        var byCategory: [String: [String]] = [:]
        for product in popular { for category in categories[product] ?? [] { byCategory[category, default: []].append(product) } }
        popularByCategory = byCategory
        var ordersPerBuyer: [String: [String: Set<String>]] = [:]
        for line in lines { ordersPerBuyer[line.productID, default: [:]][line.customerID, default: []].insert(line.orderID) }
        repeatItems = Set(ordersPerBuyer.compactMap { product, perBuyer in
            let again = perBuyer.values.filter { $0.count >= 2 }.count
            return perBuyer.count >= 5 && Double(again) >= Self.repeatShare * Double(perBuyer.count) ? product : nil
        })
    }

    /// Recommendations for a customer from their recent purchases and product events (any
    /// order): Rapport's model first, then popular products of the categories they looked at,
    /// then popular products.
    public func forCustomer(lines: [PurchasedLine], events: [ItemInteraction], now: Date, limit: Int) -> [ProductRecommendation] {
        var signals = lines.map { ItemInteraction(user: "", item: $0.productID, time: $0.placedAt.timeIntervalSince1970) } + events
        signals.sort { $0.time > $1.time }
        var excluded = Set(lines.filter { now.timeIntervalSince($0.placedAt) < Self.justBought && !repeatItems.contains($0.productID) }.map(\.productID))
        excluded.formUnion(signals.map(\.item).filter { categories[$0] == nil })
        var results: [ProductRecommendation] = []
        var chosen = Set<String>()
        func add(_ product: String, _ score: Double, _ reason: RecommendationReason) {
            guard results.count < limit, !excluded.contains(product), categories[product] != nil, chosen.insert(product).inserted else { return }
            results.append(ProductRecommendation(productID: product, score: score, reason: reason))
        }
        // The profile: distinct known products, most recent first, weights summed.
        var profile: [(item: Int, weight: Double)] = []
        var positions: [Int: Int] = [:]
        for signal in signals {
            guard let item = catalog.numbers[signal.item] else { continue }
            if let position = positions[item] { profile[position].weight += signal.weight } else {
                positions[item] = profile.count
                profile.append((item, signal.weight))
            }
        }
        if let model, !profile.isEmpty {
            let scores = model.scores(for: profile)
            let skip = Set(profile.map(\.item)).subtracting(profile.map(\.item).filter { repeatItems.contains(catalog.items[$0]) })
            for item in RankedItems.top(limit + excluded.count, of: scores, excluding: skip) where scores[item] > 0 {
                add(catalog.items[item], scores[item], .forYou)
            }
        }
        var seenCategories: [String] = []
        for signal in signals { for category in categories[signal.item] ?? [] where !seenCategories.contains(category) { seenCategories.append(category) } }
        for category in seenCategories {
            for product in (popularByCategory[category] ?? []).prefix(limit) where !signals.contains(where: { $0.item == product }) {
                add(product, 0, .category)
            }
        }
        for product in popular.prefix(limit + excluded.count + signals.count) where !signals.contains(where: { $0.item == product }) {
            add(product, 0, .popular)
        }
        return results
    }

    /// Products often on the same order as this one.
    public func boughtTogether(with productID: String, limit: Int) -> [ProductRecommendation] {
        guard let item = catalog.numbers[productID] else { return [] }
        return pairs.partners[item].lazy.map { (self.catalog.items[$0.item], Double($0.baskets)) }
            .filter { self.categories[$0.0] != nil }.prefix(limit)
            .map { ProductRecommendation(productID: $0.0, score: $0.1, reason: .boughtTogether) }
    }

    /// Products the same customers bought and viewed (the model's item-to-item weights), then
    /// popular products of the same category.
    public func similar(to productID: String, limit: Int) -> [ProductRecommendation] {
        var results: [ProductRecommendation] = []
        if let model, let item = catalog.numbers[productID] {
            let scores = model.scores(for: [(item: item, weight: 1)])
            for other in RankedItems.top(limit * 2, of: scores, excluding: [item]) where scores[other] > 0 && results.count < limit {
                let product = catalog.items[other]
                if categories[product] != nil { results.append(ProductRecommendation(productID: product, score: scores[other], reason: .similar)) }
            }
        }
        for category in categories[productID] ?? [] {
            for product in popularByCategory[category] ?? [] where results.count < limit && product != productID
                && !results.contains(where: { $0.productID == product }) {
                results.append(ProductRecommendation(productID: product, score: 0, reason: .similar))
            }
        }
        return results
    }
}
