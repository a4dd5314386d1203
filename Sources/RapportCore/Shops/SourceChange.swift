/// A shop was connected, its signing secret rotated, or it was disconnected. The event never
/// carries the secret.
public struct SourceChange: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case secretRotated
        case deleted
    }

    public var kind: Kind
    public var source: ShopSource

    public init(_ kind: Kind, _ source: ShopSource) {
        self.kind = kind
        self.source = source
    }

    public var eventType: DomainEventType {
        switch kind {
        case .created: .sourceCreated
        case .secretRotated: .sourceUpdated
        case .deleted: .sourceDeleted
        }
    }

    public var workspaceID: String { source.workspaceID }
    public var subjectID: String { source.id }

    public var payload: any EventPayload {
        switch kind {
        case .created: SourceEventPayload(id: source.id, kind: source.kind)
        case .secretRotated: SourceEventPayload(id: source.id, secretRotated: true)
        case .deleted: SourceEventPayload(id: source.id)
        }
    }
}
