import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore

/// Segments' members as files. `GET …/segments/{id}/members.csv` downloads the members as CSV,
/// streamed a chunk at a time (over the API, and from the workspace with the session);
/// `POST /api/v1/segments/{id}/members/import` fills a list from a CSV of identities
/// (`text/csv`; the rules are `SegmentService.importList`'s).
struct SegmentFileRoutes {
    /// The largest file of identities taken; Core takes at most 100,000 rows of it.
    static let maximumImportBytes = 10 << 20

    let segments: SegmentService

    func register(api group: RouterGroup<AuthenticatedRequestContext>) {
        group.get("segments/:id/members.csv", requiring: .exportSegmentMembers, use: exportOverAPI)
        group.post("segments/:id/members/import", requiring: .manageSegments, use: importList)
    }

    func register(workspace group: RouterGroup<SignedInRequestContext>) {
        group.get("segments/:id/members.csv", requiring: .exportSegmentMembers, use: exportFromWorkspace)
    }

    @Sendable func exportOverAPI(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        Self.download(try await segments.export(id: try PathID.require(context, .segment, "segment"), as: context.actor))
    }

    @Sendable func exportFromWorkspace(_ request: Request, context: SignedInRequestContext) async throws -> Response {
        Self.download(try await segments.export(id: try PathID.require(context, .segment, "segment"), as: context.actor))
    }

    /// `?source=` names the system of an `external_id` column when the file has no `source` column.
    @Sendable func importList(_ request: Request, context: AuthenticatedRequestContext) async throws -> Response {
        let id = try PathID.require(context, .segment, "segment")
        if let type = request.headers[.contentType] {
            let mediaType = MediaType.essence(of: type)
            guard ["text/csv", "text/plain", "application/csv"].contains(mediaType) else {
                throw HTTPError(.unsupportedMediaType, message: "Send the file as text/csv, not \(type.prefix(100)).")
            }
        }
        var request = request
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: Self.maximumImportBytes)
        } catch is NIOTooManyBytesError {
            throw BodyError.tooLarge("The file is larger than 10 MiB; import it in parts (at most 100,000 rows each).")
        }
        let outcome = try await segments.importList(
            id: id, csv: String(decoding: body.readableBytesView, as: UTF8.self), source: request.uri.queryParameters.get("source"),
            as: context.actor)
        return try JSONResponse.make(SegmentImportResponse(outcome))
    }

    /// The export as a download: the header, then each chunk as it is read, so memory holds one
    /// chunk whatever the segment's size.
    static func download(_ export: SegmentMemberExport) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/csv; charset=utf-8"
        headers[.contentDisposition] = "attachment; filename=\"\(export.fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            try await writer.write(ByteBuffer(string: export.header))
            var after: String?
            repeat {
                let chunk = try await export.chunk(after: after)
                if !chunk.text.isEmpty { try await writer.write(ByteBuffer(string: chunk.text)) }
                after = chunk.next
            } while after != nil
            try await writer.finish(nil)
        })
    }
}
