import Foundation
import RapportCore
import RapportLearning

/// A made-up catalog and its buyers for benchmarks: product `k` has SKU `SIM-k`, one of twenty
/// categories and a fixed price; buyers follow BG/NBD with the CDNOW sample's parameters (per
/// day), first buying on a day spread over the last two years; each order holds one to three
/// products, mostly of the customer's favourite category, with a popular head.
struct SimulatedCatalog {
    let products: Int
    static let categories = 20
    /// The CDNOW sample's weekly fit with alpha in days.
    static let buyers = BGNBD(r: 0.243, alpha: 4.414 * 7, a: 0.793, b: 2.426)
    static let days = 730.0

    func sku(_ product: Int) -> String { "SIM-\(product)" }
    func category(_ product: Int) -> Int { product % Self.categories }
    func price(_ product: Int) -> Int64 { 500 + Int64(product * 7_919 % 9_500) }

    func inputs(_ range: Range<Int>) -> [ProductInput] {
        range.map { product in
            ProductInput(
                source: "bench", externalID: sku(product), title: "Product \(product)", categories: ["category-\(category(product))"],
                variants: [ProductVariantInput(externalID: sku(product), sku: sku(product), price: price(product), currency: "EUR")])
        }
    }

    /// Every simulated customer's orders, as import rows.
    func orders(customers: Int, endingAt end: Date, generator: inout some RandomNumberGenerator) -> [ImportRow<OrderInput>] {
        var rows: [ImportRow<OrderInput>] = []
        for customer in 0..<customers {
            let rate = RandomDraws.gamma(shape: Self.buyers.r, rate: Self.buyers.alpha, &generator)
            let dropOut = RandomDraws.beta(Self.buyers.a, Self.buyers.b, &generator)
            let age = (Self.days * RandomDraws.unit(&generator)).rounded(.down)
            var time = 0.0
            var number = 0
            while true {
                let placed = end.addingTimeInterval(-(age - time) * 86_400)
                rows.append(ImportRow(line: rows.count + 1, input: order(customer: customer, number: "\(customer)-\(number)", at: placed, generator: &generator)))
                // BG/NBD: a customer may drop out after each repeat purchase, not after the first.
                if number > 0, RandomDraws.unit(&generator) < dropOut { break }
                number += 1
                time += RandomDraws.exponential(rate: rate, &generator)
                if time > age { break }
            }
        }
        return rows
    }

    /// One order of `customer`'s: one to three products, two in three of their favourite
    /// category, the cheaper end of the catalog more popular.
    func order(customer: Int, number: String, at placed: Date, generator: inout some RandomNumberGenerator) -> OrderInput {
        let favourite = customer % Self.categories
        let count = 1 + Int(RandomDraws.unit(&generator) * 3)
        let lines = (0..<count).map { _ -> OrderLineInput in
            var product = Int(pow(RandomDraws.unit(&generator), 2.5) * Double(products))
            if RandomDraws.unit(&generator) < 2.0 / 3.0 {
                product = product - category(product) + favourite
                if product >= products { product -= Self.categories }
            }
            return OrderLineInput(sku: sku(product), title: "Product \(product)", quantity: 1, unitPrice: price(product))
        }
        var input = OrderInput(
            customer: CustomerInput(identities: [IdentityInput(.email, value: SyntheticCustomers.email(customer))]),
            number: number, source: "bench", externalID: number, status: .delivered, channel: .web, currency: "EUR", lines: lines)
        input.placedAt = placed
        return input
    }
}
