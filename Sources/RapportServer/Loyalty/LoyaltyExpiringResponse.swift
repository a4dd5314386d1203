import Foundation
import RapportCore

/// The points a customer loses `by` a moment unless they spend them first; `within_days` when
/// they may go any day of that notice period (points that expire after a number of days).
struct LoyaltyExpiringResponse: Encodable {
    let points: Int64
    let by: Date
    let withinDays: Int?

    init(_ forecast: LoyaltyExpiryForecast) {
        points = forecast.points
        by = forecast.by
        withinDays = forecast.withinDays
    }
}
