import Foundation
import Hummingbird
import RapportCore

/// `/orders` and `/products`: lists with filters and paging, and a page for each order
/// (items, totals, tracking, returns) and each product (variants and prices).
struct CommercePages {
    let commerce: CommerceService
    let customers: CustomerService
    let views: CustomerViews
    let recommendations: RecommendationService
    let pages: WebPages

    func register(on group: RouterGroup<SignedInRequestContext>) {
        group.get("orders", use: orders)
        group.get("orders/:id", use: order)
        group.get("products", use: products)
        group.get("products/:id", use: product)
    }

    @Sendable func orders(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let query = request.uri.queryParameters
        let status = query["status"].flatMap { OrderStatus(rawValue: String($0)) }
        let after = query["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .order) ? $0 : nil }
        let page = try await commerce.orders(filter: OrderFilter(status: status), page: try PageRequest(limit: 50, startingAfter: after), as: actor)
        let people = try await customers.customers(ids: page.items.map(\.customerID), as: actor)
        let names = Dictionary(uniqueKeysWithValues: people.map { ($0.id, WebFormat.customerName($0)) })
        let rows = page.items.map { order in
            OrdersPageView.Row(views.order(order), customer: names[order.customerID] ?? "—", customerID: order.customerID)
        }
        let statuses = OrderStatus.allCases.map { candidate in
            OrdersPageView.Status(
                value: candidate.rawValue, words: candidate.rawValue.replacingOccurrences(of: "_", with: " "), selected: candidate == status)
        }
        var next: String?
        if page.hasMore, let last = page.items.last { next = "/orders?" + (status.map { "status=\($0.rawValue)&" } ?? "") + "after=\(last.id)" }
        return try pages.render(
            "orders", context, title: "Orders", section: "orders",
            view: OrdersPageView(rows: rows, statuses: statuses, empty: rows.isEmpty, next: next))
    }

    @Sendable func order(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .order) else { throw RapportError.notFound("No order \(id.prefix(64)).") }
        let order = try await commerce.order(id: id, as: actor)
        async let customerList = customers.customers(ids: [order.customerID], as: actor)
        async let returnPage = commerce.returns(orderID: order.id, status: nil, page: try PageRequest(limit: 100), as: actor)
        let (found, returns) = try await (customerList, returnPage)
        let shown = views.order(order)
        let money = { (amount: Int64) in WebFormat.money(amount, order.currency) }
        let totals = OrderPageView.Totals(
            subtotal: money(order.totals.subtotal), discount: order.totals.discount > 0 ? money(order.totals.discount) : nil,
            shipping: money(order.totals.shipping), tax: money(order.totals.tax), total: money(order.totals.total),
            refunded: order.totals.refunded > 0 ? money(order.totals.refunded) : nil)
        let returnRows = returns.items.map(ReturnView.init)
        let view = OrderPageView(
            number: shown.number, status: shown.status, statusClass: shown.statusClass, placed: shown.placed,
            customer: WebFormat.customerName(found.first), customerID: order.customerID, source: "\(order.source) \(order.externalID)",
            items: shown.items, totals: totals, discountCodes: order.discountCodes.isEmpty ? nil : order.discountCodes.joined(separator: ", "),
            address: order.shippingAddress?.oneLine, tracking: shown.tracking, returns: returnRows)
        return try pages.render("order", context, title: "Order \(order.number)", section: "orders", view: view)
    }

    @Sendable func products(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let actor = context.actor
        let query = request.uri.queryParameters["q"].map { String($0.prefix(200)) }
        let after = request.uri.queryParameters["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .product) ? $0 : nil }
        let page = try await commerce.products(query: query, page: try PageRequest(limit: 50, startingAfter: after), as: actor)
        let rows = page.items.map { product in
            ProductsPageView.Row(
                id: product.id, title: product.title, categories: product.categories.joined(separator: ", "),
                variants: product.variants.count, price: Self.priceRange(product), inactive: !product.active)
        }
        var next: String?
        if page.hasMore, let last = page.items.last {
            next = "/products?" + (query.map { "q=\(WebRedirect.encoded($0))&" } ?? "") + "after=\(last.id)"
        }
        return try pages.render(
            "products", context, title: "Products", section: "products",
            view: ProductsPageView(q: query, rows: rows, empty: rows.isEmpty, next: next))
    }

    @Sendable func product(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        guard ResourceID.isValid(id, prefix: .product) else { throw RapportError.notFound("No product \(id.prefix(64)).") }
        let actor = context.actor
        let product = try await commerce.product(id: id, as: actor)
        let related = try await recommendations.forProduct(id: id, limit: 6, as: actor)
        let boughtTogether = await RecommendedProducts.rows(related.boughtTogether, commerce: commerce, as: actor)
        let similar = await RecommendedProducts.rows(related.similar, commerce: commerce, as: actor)
        let view = ProductPageView(
            title: product.title, description: product.description, categories: product.categories.joined(separator: ", "),
            image: product.imageURL.flatMap(WebFormat.safeLink), inactive: !product.active,
            source: "\(product.source) \(product.externalID)", price: Self.priceRange(product),
            variants: product.variants.map { variant in
                ProductPageView.Variant(title: variant.title, sku: variant.sku, price: WebFormat.money(variant.price, variant.currency))
            },
            boughtTogether: boughtTogether, similar: similar)
        return try pages.render("product", context, title: product.title, section: "products", view: view)
    }

    /// `19.00 EUR` or `19.00 – 29.00 EUR`.
    static func priceRange(_ product: Product) -> String? {
        let prices = product.variants.map(\.price)
        guard let low = prices.min(), let high = prices.max(), let currency = product.variants.first?.currency else { return nil }
        if low == high { return WebFormat.money(low, currency) }
        return "\(WebFormat.money(low, currency).dropLast(currency.count + 1)) – \(WebFormat.money(high, currency))"
    }
}
