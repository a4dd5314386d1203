import Foundation

extension TrackingService {
    /// Lead scoring's engagement facts from a batch: each page or track call of a customer with
    /// an open lead that one of the workspace's rules matches gives that rule's points, at most
    /// once a day (the UTC day the call came in) per rule and lead. A browser key's call is anyone's
    /// say-so: it scores no lead of a customer who holds proof, as it opens none. No rules, one
    /// indexed read per batch.
    func scoreLeads(_ drafts: [TrackingDraft], events: [TrackedEvent], workspaceID: String, transaction: WriteTransaction) async throws {
        let calls = zip(drafts, events).filter { $0.1.customerID != nil && ($0.0.message.type == .page || $0.0.message.type == .track) }
        guard !calls.isEmpty else { return }
        let session = transaction.session
        let rules = try await session.leadScoring.rules(workspaceID: workspaceID)
        guard !rules.isEmpty else { return }
        var matched: [(customerID: String, rule: LeadScoringRule, event: TrackedEvent, asserted: Bool)] = []
        for (draft, event) in calls {
            guard let customerID = event.customerID else { continue }
            let path = Self.pagePath(of: draft.message)
            for rule in rules where rule.matches(type: draft.message.type, event: draft.message.event, path: path) {
                matched.append((customerID, rule, event, draft.provenance == .asserted))
            }
        }
        guard !matched.isEmpty else { return }
        let leads = try await session.leads.openLeads(customerIDs: Set(matched.map(\.customerID)).sorted(), workspaceID: workspaceID)
        // The oldest open lead of each person (ids grow with time), as `openLead` reads it.
        let leadOf = Dictionary(leads.map { ($0.customerID, $0) }) { first, _ in first }
        // Read without a lock: the batch's events already hold its customers' rows in share mode.
        let assertedOnly = Set(matched.filter { $0.asserted && leadOf[$0.customerID] != nil }.map(\.customerID)).sorted()
        let proven = try await session.customers.proofHolders(among: assertedOnly, workspaceID: workspaceID)
        var facts: [String: RecordedLeadScoreFact] = [:]
        for (customerID, rule, event, asserted) in matched {
            guard let lead = leadOf[customerID], !(asserted && proven.contains(customerID)) else { continue }
            let (day, dayStart) = Self.day(of: event.receivedAt)
            let origin = "\(rule.id):\(day)"
            let key = lead.id + "|" + origin
            // Its time within the day it came in: one dated ahead counts from its arrival, an
            // old one (a backfill, an SDK's late flush, a forged date) from the day's start, so
            // it neither scores in full long after nor fades today's points away.
            let occurredAt = min(max(event.occurredAt, dayStart), event.receivedAt)
            if let kept = facts[key], kept.occurredAt >= occurredAt { continue }
            facts[key] = RecordedLeadScoreFact(
                leadID: lead.id, workspaceID: workspaceID, ruleID: rule.id, points: rule.points, halfLifeDays: rule.halfLifeDays,
                occurredAt: occurredAt, origin: origin)
        }
        try await LeadScoreKeeping.record(
            Array(facts.values), leads: Dictionary(leads.map { ($0.id, $0) }) { first, _ in first }, workspaceID: workspaceID, transaction: transaction)
    }

    /// The page's path: `properties.path`, else the path of `properties.url`, else the same in
    /// `context.page`.
    static func pagePath(of message: TrackingMessage) -> String? {
        func path(in fields: [String: JSONValue]) -> String? {
            if case .string(let path)? = fields["path"], path.hasPrefix("/") { return path }
            if case .string(let url)? = fields["url"], let components = URLComponents(string: url), !components.path.isEmpty { return components.path }
            return nil
        }
        if let found = path(in: message.properties) { return found }
        if case .object(let page)? = message.context["page"] { return path(in: page) }
        return nil
    }

    /// The UTC day of `date`, as yyyy-mm-dd, and its first instant.
    static func day(of date: Date) -> (name: String, start: Date) {
        let unixDay = (date.timeIntervalSince1970 / 86_400).rounded(.down)
        let (year, month, day) = Timestamp.civilDate(unixDay: Int64(unixDay))
        return (String(format: "%04lld-%02lld-%02lld", year, month, day), Date(timeIntervalSince1970: unixDay * 86_400))
    }
}
