import RapportCore

/// `GET /api/v1/insights/cohorts`: per first-order month, its customers and the share of them
/// ordering again in each later month (`retention[k - 1]` is month k).
struct CohortsResponse: Encodable {
    struct Cohort: Encodable {
        let customers: Int
        let month: String
        let retention: [Double]
    }

    let cohorts: [Cohort]
    let object = "cohorts"

    init(matrix: CohortRetention) {
        cohorts = matrix.cohorts.map {
            Cohort(customers: $0.customers, month: String(Timestamp.iso8601($0.month).prefix(10)), retention: $0.retention)
        }
    }
}
