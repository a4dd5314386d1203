/// The kinds of state change written to the event log.
public enum DomainEventType: String, Sendable, Codable, CaseIterable {
    case customerCreated = "customer.created"
    case customerUpdated = "customer.updated"
    case customerDeleted = "customer.deleted"
    case customerRestored = "customer.restored"
    case customerIdentityAdded = "customer.identity_added"
    case customerIdentityRemoved = "customer.identity_removed"
    case customerMerged = "customer.merged"
    case customerUnmerged = "customer.unmerged"
    case customerErased = "customer.erased"
    case consentChanged = "consent.changed"
    case interactionRecorded = "interaction.recorded"
    case productCreated = "product.created"
    case productUpdated = "product.updated"
    case orderCreated = "order.created"
    case orderUpdated = "order.updated"
    case orderStatusChanged = "order.status_changed"
    case orderFulfilled = "order.fulfillment_created"
    case orderRefunded = "order.refunded"
    case returnRequested = "return.requested"
    case returnStatusChanged = "return.status_changed"
    case sourceCreated = "source.created"
    case sourceUpdated = "source.updated"
    case sourceDeleted = "source.deleted"
    case inboxCreated = "inbox.created"
    case inboxUpdated = "inbox.updated"
    case conversationCreated = "conversation.created"
    case conversationUpdated = "conversation.updated"
    case conversationSLABreached = "conversation.sla_breached"
    /// The bot was asked about products (`ProductQuestionChange`).
    case conversationProductAsked = "conversation.product_asked"
    case messageCreated = "message.created"
    case messageUpdated = "message.updated"
    case segmentEntered = "segment.entered"
    case segmentLeft = "segment.left"
    /// A survey went to a customer, and came back answered (`SurveyChange`).
    case surveySent = "survey.sent"
    case surveyAnswered = "survey.answered"
    /// A customer took a loyalty reward (its discount code, for the shop to honour), and an
    /// order used the code (`LoyaltyRewardChange`).
    case loyaltyRewardIssued = "loyalty.reward_issued"
    case loyaltyRewardUsed = "loyalty.reward_used"
    /// A customer's points moved: an entry joined their ledger — earned, released, taken back,
    /// spent, expired or given by hand (`LoyaltyEntryChange`; not for a replay's entries).
    case loyaltyPointsChanged = "loyalty.points_changed"
    /// A customer's usable points expire within the notice period (`LoyaltyExpiryNoticeChange`):
    /// told once, by the hourly sweep.
    case loyaltyPointsExpiring = "loyalty.points_expiring"
    /// A customer's tier is no longer the one they were last told (`LoyaltyTierChange`): reached,
    /// or lost to time or a return; found by the hourly sweep.
    case loyaltyTierChanged = "loyalty.tier_changed"
    /// A visitor answered a form or quiz on the shop (`FormSubmitted`).
    case formSubmitted = "form.submitted"
    /// A lead opened, changed status, or became a deal (`LeadEvent`).
    case leadCreated = "lead.created"
    case leadStatusChanged = "lead.status_changed"
    case leadConverted = "lead.converted"
    case leadScoreCrossed = "lead.score_crossed"
    /// An alert for one user (a live update only, not a webhook's event).
    case alertCreated = "alert.created"
    /// A journey's webhook step reached: delivered only to the outgoing webhook the step names.
    case journeyWebhook = "journey.webhook"

    /// Whether an outgoing webhook may subscribe to it by type (`journey.webhook` goes only
    /// to the webhook a journey's step names, `*` included).
    /// Alerts are one user's (a live update), not the shop's to hand to a webhook.
    public var isSubscribable: Bool { self != .journeyWebhook && self != .alertCreated }

    /// The types a webhook may subscribe to.
    public static var subscribable: [DomainEventType] { allCases.filter(\.isSubscribable) }
}
