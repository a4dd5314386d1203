import Hummingbird
import RapportCore

/// `/api/v1/journeys`: so far the built-in journeys (`GET /api/v1/journeys/templates`); drafts,
/// versions and the runner follow (ADR 0013).
struct JourneyRoutes {
    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("journeys/templates", requiring: .viewJourneys) { _, context in
            let templates = try JourneyTemplates.listed(for: context.actor)
            return try JSONResponse.make(ListResponse(data: try templates.map(JourneyTemplateResponse.init), hasMore: false, lastID: nil))
        }
    }
}
