/// The parts of a BG/NBD customer's log-likelihood and gradient that depend only on the
/// number of repeat purchases, computed once per frequency.
struct FrequencyTerms {
    var value: Double
    var dr: Double
    var da: Double
    var db: Double
    /// log(a / (b + x − 1)): the odds of having dropped out after the last purchase.
    var logDropOdds: Double
    /// 1 / (b + x − 1).
    var dropDerivative: Double
}
