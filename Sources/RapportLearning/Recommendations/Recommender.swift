/// A model that scores every item of its catalog for one user's profile (distinct items,
/// most recent first, with weights).
public protocol Recommender: Sendable {
    var catalog: ItemCatalog { get }
    func scores(for profile: [(item: Int, weight: Double)]) -> [Double]
}

extension Recommender {
    /// The `count` best items for a profile, best first, leaving out `excluded` (ties go to
    /// the lower item number, so rankings are the same on every run).
    public func top(_ count: Int, for profile: [(item: Int, weight: Double)], excluding excluded: Set<Int>) -> [Int] {
        RankedItems.top(count, of: scores(for: profile), excluding: excluded)
    }
}
