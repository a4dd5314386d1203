/// Lists filtered to a segment's members (customers, the store's figures, the inbox) name the
/// segment by id. Reading its membership needs the right to see segments, and the id must
/// name a segment or list of the actor's workspace: otherwise the request is refused (422,
/// naming `segment`) before anything is read.
enum SegmentFilter {
    static func check(_ segmentID: String?, as actor: Actor, session: any StoreSession) async throws {
        guard let segmentID else { return }
        try actor.require(.viewSegments)
        guard ResourceID.isValid(segmentID, prefix: .segment),
            try await session.segments.find(id: segmentID, workspaceID: actor.workspaceID) != nil
        else {
            throw RapportError.invalid(field: "segment", "names no segment or list of this workspace (\(segmentID.prefix(64)))")
        }
    }
}
