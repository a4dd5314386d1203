/// A lead opened, moved to another status, or converted into a deal (`lead.created`,
/// `lead.status_changed`, `lead.converted`), for webhooks and journeys.
public struct LeadEvent: DomainChange {
    public enum Kind: Sendable, Equatable {
        case created
        case statusChanged(from: LeadStatus)
        case converted
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
        }
    }

    public var workspaceID: String { lead.workspaceID }
    public var subjectID: String { lead.customerID }
    public var payload: any EventPayload { LeadEventPayload(self) }
}
