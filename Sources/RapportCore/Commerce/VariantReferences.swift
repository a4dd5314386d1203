/// The ways order lines of one batch name catalog variants, collected to look them up at once.
public struct VariantReferences: Sendable, Equatable {
    public var variantIDs: Set<String> = []
    public var skus: Set<String> = []
    /// Ids in a source, keyed by source.
    public var variantExternalIDs: [String: Set<String>] = [:]
    public var productExternalIDs: [String: Set<String>] = [:]

    public init() {}

    public var isEmpty: Bool {
        variantIDs.isEmpty && skus.isEmpty && variantExternalIDs.isEmpty && productExternalIDs.isEmpty
    }
}
