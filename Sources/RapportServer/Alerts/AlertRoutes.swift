import Hummingbird
import RapportCore

/// `/api/v1/alerts`: the signed-in user's own alerts (a task's reminder or due time, a deal
/// stuck in its stage, a meeting about to start), newest first (`?unread=true` for the unread
/// ones), with their unread count; `PATCH /alerts/{id}` `{"read": true|false}`; `POST
/// /alerts/read` marks all read. New ones also arrive on `GET /api/v1/live` as `alert.created`.
/// Every role has alerts; an API key has none (403).
struct AlertRoutes {
    let alerts: AlertService

    func register(on group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("alerts") { request, context in
            let page = try PageParameters.read(request)
            let unreadOnly: Bool
            switch request.uri.queryParameters.get("unread").map({ String($0) }) {
            case nil, "", "false": unreadOnly = false
            case "true": unreadOnly = true
            default: throw RapportError.invalid(field: "unread", "must be true or false")
            }
            let found = try await alerts.list(unreadOnly: unreadOnly, page: page, as: context.actor)
            return try JSONResponse.make(AlertListResponse(found.alerts, unread: found.unread))
        }
        group.patch("alerts/:id") { request, context in
            let id = try PathID.require(context, .alert, "alert")
            var body = try await JSONObjectReader.body(of: request, context: context)
            let read = body.bool("read")
            if read == nil { body.fail("read", "is required: true or false") }
            try body.finish()
            return try JSONResponse.make(AlertDocument(try await alerts.mark(id: id, read: read ?? true, as: context.actor)))
        }
        group.post("alerts/read") { _, context in
            try JSONResponse.make(["marked": try await alerts.markAllRead(as: context.actor)])
        }
    }
}
