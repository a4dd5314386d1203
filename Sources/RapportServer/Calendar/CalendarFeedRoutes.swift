import Foundation
import Hummingbird
import RapportCore

/// `/api/v1/calendar_feeds`: a user's secret calendar address (`{"user_id"}` → `{"url"}`,
/// shown once), the feeds listed without it, and revoked. A user makes and revokes their own;
/// admins and managers anyone's.
struct CalendarFeedRoutes {
    let feeds: CalendarFeedService
    let address: PublicAddress

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("calendar_feeds", requiring: .viewTasks) { request, context in
            let user = try QueryID.read(request.uri.queryParameters.get("user_id"), .user, field: "user_id")
            let found = try await feeds.list(userID: user, as: context.actor)
            return try JSONResponse.make(ListResponse(data: found.map { CalendarFeedResponse($0) }, hasMore: false, lastID: nil))
        }
        group.post("calendar_feeds", requiring: .viewTasks) { request, context in
            var body = try await JSONObjectReader.body(of: request, context: context)
            let user = body.requiredString("user_id", maxLength: 64)
            if let user, !ResourceID.isValid(user, prefix: .user) { body.fail("user_id", "must be a user's id (`usr_…`)") }
            try body.finish()
            let issued = try await feeds.create(userID: user ?? "", as: context.actor)
            let url = address.base(of: request) + issued.path
            // Never stored or replayed by the idempotency layer: the secret is shown this once.
            return try JSONResponse.make(CalendarFeedResponse(issued.feed, url: url), status: .created, headers: [.cacheControl: "no-store"])
        }
        group.delete("calendar_feeds/:id", requiring: .viewTasks) { _, context in
            try await feeds.revoke(id: try PathID.require(context, .calendarFeed, "calendar feed"), as: context.actor)
            return Response(status: .noContent)
        }
    }
}
