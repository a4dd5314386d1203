/// Everyone gets the items most users interacted with: the baseline, and the fallback for
/// customers Rapport knows nothing about yet.
public struct PopularityRecommender: Recommender {
    public let catalog: ItemCatalog

    public init(catalog: ItemCatalog) {
        self.catalog = catalog
    }

    public func scores(for profile: [(item: Int, weight: Double)]) -> [Double] {
        catalog.counts
    }
}
