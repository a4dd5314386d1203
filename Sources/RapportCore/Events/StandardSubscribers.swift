extension CoreContext {
    /// What Rapport does inside the transaction whenever the domain changes, in this order.
    /// Announcements come first: a subscriber that records a further change (the bot handing
    /// a conversation over) announces it after the change that led to it.
    public static let standardSubscribers: [any DomainChangeSubscriber] = [
        ConversationAnnouncements(),
        MessageTouchpoints(),
        CommerceTouchpoints(),
        LoyaltyLedger(),
        SurveyScheduling(),
        ReferralCheckout(),
        LoyaltyRewardCheckout(),
        OutboundMessageQueue(),
        SLACheckScheduling(),
        BotIntake(),
        SalesInboxLeads(),
        ComplaintAlerts(),
        BotTakeOver(),
        SegmentChangeWatch(),
        JourneyListener(),
    ]
}
