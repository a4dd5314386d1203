import Foundation
import RapportCore

/// `GET /api/v1/insights/cohorts`: per first-order month, its customers and the share of them
/// ordering again in each later month (`retention[k - 1]` is month k).
struct CohortsResponse: JSONWritable {
    var matrix: CohortRetention

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("cohorts")
        writer.beginArray()
        for cohort in matrix.cohorts {
            writer.beginObject()
            writer.key("customers"); writer.integer(Int64(cohort.customers))
            writer.key("month"); writer.string(String(Timestamp.iso8601(cohort.month).prefix(10)))
            writer.key("retention")
            writer.beginArray()
            for share in cohort.retention { writer.number(share) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("object"); writer.string("cohorts")
        writer.endObject()
    }
}
