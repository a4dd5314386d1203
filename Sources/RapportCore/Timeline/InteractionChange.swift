/// A touchpoint was recorded through the API (the event carries it).
public struct InteractionChange: DomainChange {
    public var interaction: Interaction

    public init(_ interaction: Interaction) {
        self.interaction = interaction
    }

    public var eventType: DomainEventType { .interactionRecorded }
    public var workspaceID: String { interaction.workspaceID }
    public var subjectID: String { interaction.id }
    public var payload: any EventPayload { InteractionEventPayload(interaction) }
}
