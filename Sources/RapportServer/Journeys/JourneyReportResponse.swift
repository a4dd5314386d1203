import RapportCore

/// A journey's report: customers waiting at and past each step (with each step's conversions
/// and revenue, so a branch's are its first step's), and the totals with the goal's
/// conversion and revenue for those who walked it and for the holdout.
struct JourneyReportResponse: Encodable {
    struct Step: Encodable {
        let key: String
        let waiting: Int
        let passed: Int
        let skipped: Int
        let sent: Int
        let opened: Int
        let clicked: Int
        let reached: Int
        let converted: Int
        let revenue: [String: Int64]
    }

    let object = "journey_report"
    let steps: [Step]
    let entered: Int
    let inFlight: Int
    let completed: Int
    let exited: Int
    let heldOut: Int
    let converted: Int
    let heldOutConverted: Int
    let conversionRate: Double?
    let holdoutConversionRate: Double?
    let revenue: [String: Int64]
    let heldOutRevenue: [String: Int64]

    init(_ report: JourneyReport) {
        steps = report.steps.map {
            Step(
                key: $0.stepKey, waiting: $0.waiting, passed: $0.passed, skipped: $0.skipped, sent: $0.sent, opened: $0.opened, clicked: $0.clicked,
                reached: $0.reached, converted: $0.converted, revenue: $0.revenue)
        }
        let stats = report.stats
        entered = stats.entered
        inFlight = stats.inFlight
        completed = stats.completed
        exited = stats.exited
        heldOut = stats.heldOut
        converted = stats.converted
        heldOutConverted = stats.heldOutConverted
        conversionRate = stats.conversionRate
        holdoutConversionRate = stats.holdoutConversionRate
        revenue = stats.revenue
        heldOutRevenue = stats.heldOutRevenue
    }
}
