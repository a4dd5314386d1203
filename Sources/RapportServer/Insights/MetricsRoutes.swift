import Foundation
import Hummingbird
import RapportCore

/// The store's figures over the API:
/// - `GET /api/v1/insights/metrics?from=YYYY-MM-DD&to=YYYY-MM-DD[&segment filters]`: the figures
///   for the days from `from` to `to` inclusive (UTC; the last 30 days by default);
/// - `GET /api/v1/insights/cohorts?months=12&to=YYYY-MM-DD[&segment filters]`: the cohort
///   retention matrix of the `months` months up to the one holding `to`;
/// - `GET /api/v1/insights/rfm`: the RFM grid and customers per segment.
/// Segment filters: `tag`, `segment`, `min_lifetime_value`, `max_probability_alive`.
struct MetricsRoutes {
    let metrics: StoreMetricsService
    let rfm: RFMService
    let clock: any WallClock

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("insights/metrics", use: show)
        group.get("insights/cohorts", use: cohorts)
        group.get("insights/rfm", use: grid)
    }

    @Sendable func show(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let last = try Self.day("to", in: request) ?? Calendar.utc.startOfDay(for: clock.now())
        let from = try Self.day("from", in: request) ?? last.addingTimeInterval(-29 * 86_400)
        let filter = try CustomerFilterParameters.read(request)
        let figures = try await metrics.metrics(from: from, to: last.addingTimeInterval(86_400), filter: filter, as: context.actor)
        return try JSONResponse.make(MetricsResponse(metrics: figures))
    }

    @Sendable func cohorts(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let last = try Self.day("to", in: request) ?? Calendar.utc.startOfDay(for: clock.now())
        var months = 12
        if let text = request.uri.queryParameters.get("months") {
            guard let value = Int(text) else { throw RapportError.invalid(field: "months", "must be a whole number from 1 to 36") }
            months = value
        }
        let filter = try CustomerFilterParameters.read(request)
        let matrix = try await metrics.cohorts(months: months, end: last.addingTimeInterval(86_400), filter: filter, as: context.actor)
        return try JSONResponse.make(CohortsResponse(matrix: matrix))
    }

    @Sendable func grid(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        try JSONResponse.make(RFMGridResponse(grid: try await rfm.grid(as: context.actor)))
    }

    /// A day `YYYY-MM-DD` (midnight UTC) from the query string; nil when absent, 422 when malformed.
    static func day(_ name: String, in request: Request) throws -> Date? {
        guard let text = request.uri.queryParameters.get(name) else { return nil }
        guard text.count == 10, let date = ISO8601DateFormatter().date(from: text + "T00:00:00Z") else {
            throw RapportError.invalid(field: name, "must be a date YYYY-MM-DD")
        }
        return date
    }
}
