import RapportCore

/// Hands a batch's items to a provider one request each, at most `inFlight` requests at a
/// time: a provider's API takes one message per request, so one at a time would cap a campaign
/// at the round trip's pace rather than at the provider's rate. Nothing starts once the
/// deadline has passed; each delivery is told how much of it is left.
enum ConcurrentDelivery {
    /// An outcome per item, in the items' order; an item not started within `deadline` gets
    /// `deferred(late)`.
    static func outcomes<Item: Sendable>(
        of items: [Item], inFlight: Int, within deadline: Duration, late: String,
        _ deliver: @escaping @Sendable (Item, Duration) async -> CampaignDeliveryOutcome
    ) async -> [CampaignDeliveryOutcome] {
        let clock = ContinuousClock()
        let end = clock.now.advanced(by: deadline)
        let limit = max(1, inFlight)
        var outcomes = [CampaignDeliveryOutcome?](repeating: nil, count: items.count)
        await withTaskGroup(of: (index: Int, outcome: CampaignDeliveryOutcome).self) { group in
            var next = 0
            var running = 0
            while true {
                while running < limit, next < items.count, clock.now < end {
                    let index = next
                    let item = items[index]
                    group.addTask { (index: index, outcome: await deliver(item, clock.now.duration(to: end))) }
                    next += 1
                    running += 1
                }
                guard let finished = await group.next() else { break }
                outcomes[finished.index] = finished.outcome
                running -= 1
            }
        }
        return outcomes.map { $0 ?? .deferred(late) }
    }
}
