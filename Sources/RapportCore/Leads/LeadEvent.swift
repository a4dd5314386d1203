/// A lead opened, moved to another status, converted into a deal, or handed to sales by its
/// score (`lead.created`, `lead.status_changed`, `lead.converted`, `lead.score_crossed`), for
/// webhooks and journeys.
public struct LeadEvent: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case statusChanged(from: LeadStatus)
        case converted
        /// Its score rose to the workspace's hot score.
        case scoreCrossed(score: Double, hotScore: Int)
    }

    public var lead: Lead
    public var kind: Kind

    public init(_ kind: Kind, _ lead: Lead) {
        self.kind = kind
        self.lead = lead
    }

    public var eventType: DomainEventType {
        switch kind {
        case .created: .leadCreated
        case .statusChanged: .leadStatusChanged
        case .converted: .leadConverted
        case .scoreCrossed: .leadScoreCrossed
        }
    }

    public var workspaceID: String { lead.workspaceID }
    public var subjectID: String { lead.customerID }
    public var payload: any EventPayload { LeadEventPayload(self) }
}
