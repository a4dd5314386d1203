import RapportCore

/// `GET /api/v1/stats`: how many of each thing the workspace holds.
struct StatsResponse: Encodable {
    let customers: Int
    let identities: Int
    let interactions: Int
    let object = "stats"
    let orders: Int
    let products: Int
    let returns: Int
    let trackedEvents: Int

    init(counts: StoreCounts) {
        customers = counts.customers
        identities = counts.identities
        interactions = counts.interactions
        orders = counts.orders
        products = counts.products
        returns = counts.returns
        trackedEvents = counts.trackedEvents
    }
}
