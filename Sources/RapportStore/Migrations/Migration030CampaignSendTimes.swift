extension Migration {
    /// A queued send's `claimed_until` is now also when it may first go: the recipient's local
    /// time a campaign is scheduled for, the end of their quiet hours, or a retry's time (it
    /// always was). Every queued or waiting send has one (its queue time unless later), and the
    /// senders claim in that order from this index, so a million sends timed across the day's
    /// zones are never scanned to find the few that are due.
    static let campaignSendTimes = Migration(version: 30, name: "campaign_send_times") { _ in
        [
            """
            UPDATE campaign_sends SET claimed_until = queued_at
            WHERE status IN ('queued', 'waiting') AND claimed_until IS NULL
            """,
            "CREATE INDEX campaign_sends_due ON campaign_sends (campaign_id, status, claimed_until, id)",
        ]
    }
}
