import Foundation

/// Tasks as people work them: listed, made, changed, marked done or cancelled (audited). Who
/// owns one must be a user of the workspace who is not deactivated; its team and customer the
/// workspace's, as are the deal, lead and company it is about; a task linked to a deal or a lead
/// about a customer, and naming no customer itself, is about that customer too (it shows on
/// their page, follows merges and goes with an erasure). A deactivated user's open tasks lose
/// their owner. Journeys make them too (`JourneyRunner.task`, written with the walk), without
/// an audit entry each (the journey's publication is audited).
public struct WorkTaskService: Sendable {
    public static let maximumTitleLength = 200

    let context: CoreContext
    var store: any DataStore { context.store }
    var clock: any WallClock { context.clock }

    public init(context: CoreContext) {
        self.context = context
    }

    public func list(filter: WorkTaskFilter = WorkTaskFilter(), page: PageRequest, as actor: Actor) async throws -> Page<WorkTask> {
        try actor.require(.viewTasks)
        return try await store.read { session in try await session.tasks.list(workspaceID: actor.workspaceID, filter: filter, page: page) }
    }

    public func find(id: String, as actor: Actor) async throws -> WorkTask {
        try actor.require(.viewTasks)
        return try await store.read { session in try await existing(id, workspaceID: actor.workspaceID, session: session) }
    }

    /// The signed-in user's day: their open tasks due by its end (up to `WorkDay.overdueDays`
    /// overdue) and today's meetings they organise or are asked to.
    public func day(as actor: Actor) async throws -> WorkDay {
        try actor.require(.viewTasks)
        guard let userID = actor.userID else { throw RapportError.forbidden("A day's tasks and meetings are a signed-in user's.") }
        let now = clock.now()
        let (start, end) = WorkDay.bounds(at: now)
        return try await store.read { session in
            let tasks = try await session.tasks.openWithDueTimes(
                ownerID: userID, workspaceID: actor.workspaceID, since: start.addingTimeInterval(-Double(WorkDay.overdueDays) * 86_400), limit: WorkDay.maximumTasks)
            let meetings = try await session.calendar.meetings(
                ofUser: userID, workspaceID: actor.workspaceID, startingFrom: start, before: end, limit: WorkDay.maximumMeetings)
            return WorkDay(at: now, tasks: tasks, meetings: meetings)
        }
    }

    /// A task from `change`, which must give a `title`; open unless it says otherwise.
    public func create(_ change: WorkTaskChange, as actor: Actor) async throws -> WorkTask {
        try actor.require(.workTasks)
        guard change.title != nil else { throw RapportError.invalid(field: "title", "is required: 1 to \(Self.maximumTitleLength) characters") }
        return try await context.write { transaction in
            let now = clock.now()
            var task = WorkTask(id: ResourceID.make(.task, at: now), workspaceID: actor.workspaceID, title: "", createdBy: actor.label, createdAt: now, updatedAt: now)
            try await Self.apply(change, to: &task, by: actor, at: now, session: transaction.session)
            try await transaction.session.tasks.insert([task])
            try await transaction.audit(AuditRecord(.taskCreated, subject: .task(task.id), details: ["kind": task.kind.rawValue]), by: actor)
            return task
        }
    }

    /// Sets what `change` gives; `status` done records who and when, open again clears it.
    public func update(id: String, _ change: WorkTaskChange, as actor: Actor) async throws -> WorkTask {
        try actor.require(.workTasks)
        return try await context.write { transaction in
            let now = clock.now()
            var task = try await existing(id, workspaceID: actor.workspaceID, session: transaction.session)
            let before = task.status
            try await Self.apply(change, to: &task, by: actor, at: now, session: transaction.session)
            task.updatedAt = now
            try await transaction.session.tasks.update(task)
            var details = ["fields": Self.fields(of: change).joined(separator: ",")]
            if task.status != before {
                details["status"] = task.status.rawValue
                // Done or cancelled: its reminders and overdue alerts need no one any more.
                if task.status != .open { try await transaction.session.alerts.markReadAbout(subjectID: id, workspaceID: actor.workspaceID, at: now) }
            }
            try await transaction.audit(AuditRecord(.taskUpdated, subject: .task(id), details: details), by: actor)
            return task
        }
    }

    // MARK: Rules

    func existing(_ id: String, workspaceID: String, session: any StoreSession) async throws -> WorkTask {
        guard let task = try await session.tasks.find(id: id, workspaceID: workspaceID) else {
            throw RapportError.notFound("No task with id \(id.prefix(64)).")
        }
        return task
    }

    private static func apply(_ change: WorkTaskChange, to task: inout WorkTask, by actor: Actor, at now: Date, session: any StoreSession) async throws {
        if let kind = change.kind { task.kind = kind }
        if let title = change.title {
            let trimmed = title.trimmed
            guard !trimmed.isEmpty, trimmed.count <= maximumTitleLength else {
                throw RapportError.invalid(field: "title", "is required: 1 to \(maximumTitleLength) characters")
            }
            task.title = trimmed
        }
        if let dueAt = change.dueAt { task.dueAt = dueAt }
        if let remindAt = change.remindAt { task.remindAt = remindAt }
        if let ownerID = change.ownerID {
            if let ownerID { try await AssignmentCheck.owner(ownerID, mayDo: .workTasks, work: "work tasks", actor: actor, session: session) }
            task.ownerID = ownerID
        }
        if let teamID = change.teamID {
            if let teamID { try await AssignmentCheck.team(teamID, actor: actor, session: session) }
            task.teamID = teamID
        }
        if let customerID = change.customerID {
            if let customerID { try await AssignmentCheck.customer(customerID, actor: actor, session: session) }
            task.customerID = customerID
        }
        var linkedCustomerID: String?
        if let dealID = change.dealID {
            if let dealID { linkedCustomerID = try await AssignmentCheck.deal(dealID, actor: actor, session: session) }
            task.dealID = dealID
        }
        if let leadID = change.leadID {
            if let leadID {
                let leadCustomerID = try await AssignmentCheck.lead(leadID, actor: actor, session: session)
                linkedCustomerID = linkedCustomerID ?? leadCustomerID
            }
            task.leadID = leadID
        }
        if let companyID = change.companyID {
            if let companyID { try await AssignmentCheck.company(companyID, actor: actor, session: session) }
            task.companyID = companyID
        }
        if change.customerID == nil, task.customerID == nil, let linkedCustomerID { task.customerID = linkedCustomerID }
        if let status = change.status, status != task.status {
            task.status = status
            task.completedAt = status == .open ? nil : now
            task.completedBy = status == .open ? nil : actor.label
        }
    }

    private static func fields(of change: WorkTaskChange) -> [String] {
        [
            change.kind.map { _ in "kind" }, change.title.map { _ in "title" }, change.status.map { _ in "status" }, change.dueAt.map { _ in "due_at" },
            change.ownerID.map { _ in "owner_id" }, change.teamID.map { _ in "team_id" }, change.customerID.map { _ in "customer_id" },
            change.dealID.map { _ in "deal_id" }, change.leadID.map { _ in "lead_id" }, change.companyID.map { _ in "company_id" },
            change.remindAt.map { _ in "remind_at" },
        ].compactMap { $0 }
    }
}
