/// Products and their variants. Every call is scoped to one workspace.
public protocol CatalogRepository: Sendable {
    /// Inserts new products with their variants.
    func insert(_ products: [Product]) async throws
    /// Writes a stored product's fields and replaces its variants (ids are kept by the caller).
    func update(_ product: Product) async throws
    func find(id: String, workspaceID: String) async throws -> Product?
    /// The products with these ids in `source`.
    func find(source: String, externalIDs: [String], workspaceID: String) async throws -> [Product]
    /// The product the shop knows by `externalID`, from any source: an active one before an
    /// inactive one, then the most recently changed.
    func find(externalID: String, workspaceID: String) async throws -> Product?
    /// Products, newest first; with `query`, those whose title or a SKU starts a word with it.
    func list(query: String?, workspaceID: String, page: PageRequest) async throws -> Page<Product>
    /// Variants that any of these name: Rapport ids, SKUs, or ids in `source` of the variant or
    /// of its product (a product id matches its first variant).
    func variants(matching references: VariantReferences, workspaceID: String) async throws -> [VariantMatch]
}
