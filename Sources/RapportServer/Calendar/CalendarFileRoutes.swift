import Crypto
import Foundation
import HTTPTypes
import Hummingbird
import RapportCore

/// `GET /calendar/{feed}/{secret}.ics`: a user's calendar as iCalendar text for whoever holds
/// the address (the secret is the credential; a wrong one, a revoked feed or a deactivated
/// user is a plain 404). Answers an `ETag` and 304 to a poll that already has this version.
struct CalendarFileRoutes {
    let feeds: CalendarFeedService

    func register(on router: Router<RapportRequestContext>) {
        router.get("calendar/:feed/:file") { request, context in
            let feed = try context.parameters.require("feed")
            let file = try context.parameters.require("file")
            guard ResourceID.isValid(feed, prefix: .calendarFeed), file.hasSuffix(".ics"), file.count <= 80,
                let document = try await feeds.document(feedID: feed, secret: String(file.dropLast(4)))
            else { throw RapportError.notFound("No such calendar.") }
            let tag = "\"" + SHA256.hash(data: Data(document.utf8)).prefix(16).map { String(format: "%02x", $0) }.joined() + "\""
            var headers = HTTPFields()
            headers[.eTag] = tag
            headers[.cacheControl] = "private, no-cache"
            let known = request.headers[.ifNoneMatch]?.split(separator: ",").map { tagText in
                let trimmed = tagText.trimmingCharacters(in: .whitespaces)
                return trimmed.hasPrefix("W/") ? String(trimmed.dropFirst(2)) : trimmed
            }
            if known?.contains(tag) == true {
                return Response(status: .notModified, headers: headers)
            }
            headers[.contentType] = "text/calendar; charset=utf-8"
            headers[.contentDisposition] = "inline; filename=\"rapport.ics\""
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: document)))
        }
    }
}
