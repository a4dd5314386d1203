import Foundation
import RapportCore
import SQLKit

extension CustomerFilter {
    /// The filter's conditions on the customers aliased `c`, led by `AND` (nothing for an
    /// empty filter), for customer lists and store metrics. Its definition is read by
    /// `SegmentSQL`, as every segment's is; it reads neither the clock nor money, so the
    /// scope's moment and currency are placeholders that no part of it uses.
    func conditions(workspaceID: String, dialect: EngineDialect) -> SQLQueryString {
        guard !isEmpty else { return "" }
        let definition = self.definition
        assert(!definition.dependsOnTime && !definition.conditions.contains { $0.field.isMoney })
        let scope = SegmentScope(workspaceID: workspaceID, now: Date(timeIntervalSince1970: 0), currency: "USD")
        let sql = SegmentSQL(dialect: dialect, scope: scope)
        // Started from an index (RFM segment, lifetime value, a segment's members) when it can be.
        let driver = sql.driver(definition).map { " AND c.id IN (" + $0 + ")" } ?? ""
        return driver + " AND " + sql.predicate(definition)
    }
}
