import Foundation

/// Facts recorded as things happen, inside the caller's transaction, and the hand-off of a lead
/// whose score they raise to the workspace's hot score: a task to follow it up (for its owner,
/// else its team), an alert (to the owner, else the team's active members), a line on the
/// customer's timeline and `lead.score_crossed`. A crossing is the score before the new facts
/// below the hot score and after them at or above it, both reckoned now and to one decimal. A hand-off leaves a
/// mark among the lead's facts (no points, origin `hot:…`), and a lead handed over in the last
/// `handOffQuietDays` is not handed over again: a lead hovering at the hot score as its points
/// fade and new ones come makes one task, not one a day. One that cooled and warms again a
/// month on is handed over again.
enum LeadScoreKeeping {
    static let actorName = "lead_scoring"
    static let taskDueAfter: TimeInterval = 86_400
    static let handOffQuietDays = 30
    /// The origin prefix of a hand-off's mark.
    static let handOffMark = "hot:"

    /// Writes `facts` (about the open `leads`, by id, as the caller read them), leaving out those
    /// recorded already, and hands over the leads they make hot.
    static func record(_ facts: [RecordedLeadScoreFact], leads: [String: Lead], workspaceID: String, transaction: WriteTransaction) async throws {
        guard !facts.isEmpty else { return }
        let session = transaction.session
        let added = try await session.leadScoring.insert(facts)
        guard !added.isEmpty, let hotScore = try await session.leadScoring.settings(workspaceID: workspaceID).hotScore else { return }
        let now = transaction.now
        let fresh = Set(added.map { $0.leadID + "|" + $0.origin })
        let touched = Set(added.map(\.leadID)).sorted()
        // One hand-off decision at a time per lead: a second server's batch reads this one's
        // facts and mark once it commits.
        try await session.leadScoring.lockScores(leadIDs: touched)
        // Read again under the lock: a lead converted, closed or given to someone else since the
        // batch first read it is handed over as it is now, or not at all.
        let customers = Set(touched.compactMap { leads[$0]?.customerID }).sorted()
        let current = Dictionary(try await session.leads.openLeads(customerIDs: customers, workspaceID: workspaceID).map { ($0.id, $0) }) { first, _ in first }
        let kept = try await session.leadScoring.facts(leadIDs: touched, workspaceID: workspaceID)
        var crossed: [(lead: Lead, score: Double)] = []
        for leadID in touched {
            guard let lead = current[leadID], let facts = kept[leadID] else { continue }
            let quietSince = now.addingTimeInterval(-Double(handOffQuietDays) * 86_400)
            if facts.contains(where: { $0.origin.hasPrefix(handOffMark) && $0.occurredAt > quietSince }) { continue }
            let after = LeadScore.rounded(LeadRuleScoring.score(facts.map(\.fact), at: now))
            let before = LeadScore.rounded(LeadRuleScoring.score(facts.filter { !fresh.contains($0.leadID + "|" + $0.origin) }.map(\.fact), at: now))
            if before < Double(hotScore) && after >= Double(hotScore) { crossed.append((lead, after)) }
        }
        if !crossed.isEmpty { try await handOff(crossed, hotScore: hotScore, workspaceID: workspaceID, transaction: transaction) }
    }

    private static func handOff(_ crossed: [(lead: Lead, score: Double)], hotScore: Int, workspaceID: String, transaction: WriteTransaction) async throws {
        let session = transaction.session
        let now = transaction.now
        let recipients = try await AlertRecipients.load(workspaceID: workspaceID, session: session)
        let label = Actor.system(actorName, workspaceID: workspaceID).label
        var tasks: [WorkTask] = []
        var alerts: [Alert] = []
        for (lead, score) in crossed {
            let shown = LeadScore.text(score)
            let origin = AlertOrigin.leadHot(lead, at: now)
            // The team's words only: a lead's title is the customer's.
            tasks.append(WorkTask(
                id: ResourceID.make(.task, at: now), workspaceID: workspaceID, kind: .call, title: "Follow up a hot lead (score \(shown))",
                dueAt: now.addingTimeInterval(taskDueAfter), ownerID: lead.ownerID, teamID: lead.teamID, customerID: lead.customerID, leadID: lead.id,
                companyID: lead.companyID, origin: origin, createdBy: label, createdAt: now, updatedAt: now))
            // A lead no one holds alerts no one (its task is no one's, in the open tasks): a
            // browser key can open and warm leads on new profiles, and must not reach the
            // managers' mail.
            alerts += AlertWriter.alerts(
                .leadHot, for: recipients.users(ownerID: lead.ownerID, teamID: lead.teamID), subjectID: lead.id, workspaceID: workspaceID, customerID: lead.customerID,
                title: "A lead reached the hot score (\(shown) of \(hotScore))", origin: origin, dueAt: now, at: now)
            try await LeadOpening.timeline(
                lead, kind: .leadScoreCrossed, summary: "Lead reached the hot score: \(shown) of \(hotScore)", source: lead.source, session: session, at: now,
                extra: ["score": .number(LeadScore.rounded(score)), "hot_score": .number(Double(hotScore))])
            try await transaction.record(LeadEvent(.scoreCrossed(score: score, hotScore: hotScore), lead))
        }
        _ = try await session.leadScoring.insert(crossed.map { lead, _ in
            RecordedLeadScoreFact(
                leadID: lead.id, workspaceID: workspaceID, ruleID: "hot", points: 0, halfLifeDays: nil, occurredAt: now,
                origin: handOffMark + Timestamp.iso8601(now))
        })
        try await session.tasks.insert(tasks)
        _ = try await AlertWriter.save(alerts, in: transaction)
    }
}
