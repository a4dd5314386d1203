import RapportCore
import SQLKit

extension CustomerFilter {
    /// The filter's conditions on the customers aliased `c`, each led by `AND` (nothing for an
    /// empty filter): one reading of a segment for customer lists and store metrics.
    func conditions(workspaceID: String) -> SQLQueryString {
        var clause: SQLQueryString = ""
        if let tag { clause += " AND c.tags LIKE \(bind: StoredJSON.tagPattern(tag)) ESCAPE '\\'" }
        if let rfmSegment {
            clause += """
                 AND c.id IN (SELECT customer_id FROM customer_rfm WHERE workspace_id = \(bind: workspaceID)
                  AND segment = \(bind: rfmSegment.rawValue))
                """
        }
        if minimumLifetimeValue != nil || maximumProbabilityAlive != nil {
            clause += " AND c.id IN (SELECT customer_id FROM customer_lifetime_values WHERE workspace_id = \(bind: workspaceID)"
            if let minimumLifetimeValue { clause += " AND lifetime_value >= \(bind: minimumLifetimeValue)" }
            if let maximumProbabilityAlive { clause += " AND probability_alive <= \(bind: maximumProbabilityAlive)" }
            clause += ")"
        }
        return clause
    }
}
