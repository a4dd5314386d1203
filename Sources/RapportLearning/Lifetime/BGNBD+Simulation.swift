import Foundation

extension BGNBD {
    /// Customers drawn from the model itself: each with a purchase rate from gamma(r, alpha)
    /// and a drop-out probability from beta(a, b), watched for an age drawn uniformly from
    /// `ages` periods after a first purchase at 0. Purchase times are rounded to whole
    /// periods when `wholePeriods` (as days are in a store's orders).
    public func simulate(
        customers: Int, ages: ClosedRange<Double>, wholePeriods: Bool = false, generator: inout some RandomNumberGenerator
    ) -> [PurchaseHistory] {
        (0..<customers).map { _ in
            let rate = RandomDraws.gamma(shape: r, rate: alpha, &generator)
            let dropOut = RandomDraws.beta(a, b, &generator)
            var age = ages.lowerBound + (ages.upperBound - ages.lowerBound) * RandomDraws.unit(&generator)
            if wholePeriods { age = age.rounded(.down) }
            var time = 0.0
            var last = 0.0
            var purchases = 0
            while true {
                time += RandomDraws.exponential(rate: rate, &generator)
                let moment = wholePeriods ? time.rounded(.down) : time
                if moment > age { break }
                if moment > last { purchases += 1 }
                last = moment
                if RandomDraws.unit(&generator) < dropOut { break }
            }
            return PurchaseHistory(frequency: purchases, recency: last, age: age)
        }
    }
}
