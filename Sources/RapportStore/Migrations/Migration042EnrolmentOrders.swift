extension Migration {
    /// The order a journey enrolment came from (issue 24): a post-purchase journey entered on a
    /// delivery asks for a review of that order, not of whichever order is latest when the
    /// message goes.
    static let enrolmentOrders = Migration(version: 42, name: "journey enrolment orders") { _ in
        ["ALTER TABLE journey_enrolments ADD COLUMN order_id TEXT"]
    }
}
