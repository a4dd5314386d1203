import Foundation
import Hummingbird
import RapportCore

/// `GET /api/v1/insights/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD[&tag=…][&segment=…][&min_lifetime_value=…][&max_probability_alive=…]`: the
/// store's figures for the days from `from` to `to` inclusive (UTC; the last 30 days by default).
struct MetricsRoutes {
    let metrics: StoreMetricsService

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get("insights/metrics", use: show)
    }

    @Sendable func show(_ request: Request, context: RapportRequestContext) async throws -> Response {
        let query = request.uri.queryParameters
        let today = Calendar.utc.startOfDay(for: Date())
        func day(_ name: String) throws -> Date? {
            guard let text = query[name[...]].map(String.init) else { return nil }
            guard text.count == 10, let date = ISO8601DateFormatter().date(from: text + "T00:00:00Z") else {
                throw RapportError.invalid(field: name, "must be a date YYYY-MM-DD")
            }
            return date
        }
        let last = try day("to") ?? today
        let from = try day("from") ?? last.addingTimeInterval(-29 * 86_400)
        let filter = try CustomerFilterParameters.read(request)
        let figures = try await metrics.metrics(from: from, to: last.addingTimeInterval(86_400), filter: filter, as: try context.actor())
        return JSONResponse.make(MetricsResponse(metrics: figures))
    }
}
