import Foundation
import RapportCore

/// The 360° view's `insights`: `rfm` (scores and segment) and `lifetime_value` (the forecast),
/// each null until computed.
struct CustomerInsightsResponse: Encodable {
    struct LifetimeValue: Encodable {
        let computedAt: Date
        let currency: String
        let expectedOrderValue: Double
        let expectedPurchases: Double
        let probabilityAlive: Double
        let value: Double
    }

    struct RFM: Encodable {
        let frequencyScore: Int
        let monetaryScore: Int
        let recencyScore: Int
        let segment: RFMSegment
    }

    let lifetimeValue: LifetimeValue?
    let rfm: RFM?

    init(rfm: CustomerRFM?, lifetimeValue: CustomerLifetimeValue?) {
        self.lifetimeValue = lifetimeValue.map {
            LifetimeValue(
                computedAt: $0.computedAt, currency: $0.currency, expectedOrderValue: $0.forecast.expectedOrderValue,
                expectedPurchases: $0.forecast.expectedPurchases, probabilityAlive: $0.forecast.probabilityAlive,
                value: $0.forecast.lifetimeValue)
        }
        self.rfm = rfm.map {
            RFM(frequencyScore: $0.frequencyScore, monetaryScore: $0.monetaryScore, recencyScore: $0.recencyScore, segment: $0.segment)
        }
    }
}
