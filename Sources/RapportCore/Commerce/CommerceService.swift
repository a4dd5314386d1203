import Foundation

/// The catalog, orders, fulfilments, refunds and returns. Orders find or create their
/// customer through identity resolution; every change appends its domain event and a
/// touchpoint on the customer's timeline in the same transaction.
public struct CommerceService: Sendable {
    let customers: CustomerService
    var context: CoreContext { customers.context }
    var store: any DataStore { customers.store }
    var clock: any WallClock { customers.clock }

    public init(customers: CustomerService) {
        self.customers = customers
    }

    // MARK: Catalog

    /// Creates or updates products, matched by source and external id (or first SKU). Needs `changeOrders`.
    public func upsertProducts(_ inputs: [ProductInput], as actor: Actor) async throws -> [ProductOutcome] {
        try actor.require(.changeOrders)
        let workspaceID = actor.workspaceID
        var errors: [FieldError] = []
        let prepared = inputs.enumerated().map { index, input in
            var input = input
            input.variants = input.variants.map {
                var variant = $0
                variant.currency = Currency.normalized(variant.currency) ?? variant.currency
                return variant
            }
            input.externalID = input.externalID ?? input.variants.first?.sku
            errors += CommerceRules.problems(in: input, field: inputs.count > 1 ? "[\(index)]" : nil)
            return input
        }
        guard errors.isEmpty else { throw RapportError.invalid(errors) }
        return try await context.retryingConflicts {
            try await context.write { transaction in
                try await writeProducts(prepared, workspaceID: workspaceID, transaction: transaction)
            }
        }
    }

    private func writeProducts(_ inputs: [ProductInput], workspaceID: String, transaction: WriteTransaction) async throws -> [ProductOutcome] {
        let session = transaction.session
        var stored: [String: Product] = [:]
        for (source, group) in Dictionary(grouping: inputs, by: \.source) {
            let ids = Array(Set(group.compactMap(\.externalID)))
            for product in try await session.catalog.find(source: source, externalIDs: ids, workspaceID: workspaceID) {
                stored[OrderBatch.key(source: source, externalID: product.externalID)] = product
            }
        }
        var log = CommerceChangeLog(context: context)
        var created: [String] = []
        var outcomes: [ProductOutcome] = []
        for input in inputs {
            let externalID = input.externalID ?? ""
            let key = OrderBatch.key(source: input.source, externalID: externalID)
            let now = clock.now()
            if var product = stored[key] {
                let before = product
                product.title = input.title.trimmed
                product.description = input.description
                product.categories = input.categories
                product.imageURL = input.imageURL
                product.active = input.active
                product.variants = variants(input.variants, of: product, at: now)
                if product != before {
                    product.updatedAt = now
                    if !created.contains(key) {
                        try await session.catalog.update(product)
                        log.add(ProductChange(created: false, product))
                    }
                    stored[key] = product
                }
                outcomes.append(ProductOutcome(product: product, created: false))
            } else {
                let id = ResourceID.make(.product, at: now)
                var product = Product(
                    id: id, workspaceID: workspaceID, source: input.source, externalID: externalID,
                    title: input.title.trimmed, description: input.description, categories: input.categories,
                    imageURL: input.imageURL, active: input.active, variants: [], createdAt: now, updatedAt: now)
                product.variants = variants(input.variants, of: product, at: now)
                stored[key] = product
                created.append(key)
                outcomes.append(ProductOutcome(product: product, created: true))
            }
        }
        let newProducts = created.compactMap { stored[$0] }
        try await session.catalog.insert(newProducts)
        for product in newProducts { log.add(ProductChange(created: true, product)) }
        try await log.flush(to: transaction)
        return outcomes.map { outcome in
            ProductOutcome(
                product: stored[OrderBatch.key(source: outcome.product.source, externalID: outcome.product.externalID)] ?? outcome.product,
                created: outcome.created)
        }
    }

    /// The input's variants; one that matches a stored variant (by external id or SKU) keeps its id.
    private func variants(_ inputs: [ProductVariantInput], of product: Product, at now: Date) -> [ProductVariant] {
        inputs.map { input in
            let existing = product.variants.first {
                (input.externalID != nil && $0.externalID == input.externalID) || (input.sku != nil && $0.sku == input.sku)
            }
            return ProductVariant(
                id: existing?.id ?? ResourceID.make(.variant, at: now), productID: product.id, sku: input.sku,
                title: input.title ?? "Default", price: input.price, currency: input.currency,
                externalID: input.externalID)
        }
    }

    public func product(id: String, as actor: Actor) async throws -> Product {
        let product = try await store.read { session in try await session.catalog.find(id: id, workspaceID: actor.workspaceID) }
        guard let product else { throw RapportError.notFound("No product with id \(id).") }
        return product
    }

    public func products(query: String?, page: PageRequest, as actor: Actor) async throws -> Page<Product> {
        let query = query?.trimmed
        return try await store.read { session in
            try await session.catalog.list(query: query?.isEmpty == true ? nil : query, workspaceID: actor.workspaceID, page: page)
        }
    }

    // MARK: Counts

    public func counts(as actor: Actor) async throws -> StoreCounts {
        try await store.read { session in try await session.stats.counts(workspaceID: actor.workspaceID) }
    }
}
