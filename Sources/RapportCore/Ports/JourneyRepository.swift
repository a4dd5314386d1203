import Foundation

/// Journeys, their frozen versions, the customers in them and the steps they ran (ADR 0013).
public protocol JourneyRepository: Sendable {
    func insert(_ journey: Journey) async throws
    func update(_ journey: Journey) async throws
    /// Moves the journey to `status` only while it is `from` (one statement, so a change made
    /// meanwhile is never overwritten); whether it moved.
    func setStatus(_ status: JourneyStatus, id: String, workspaceID: String, from: JourneyStatus, at date: Date) async throws -> Bool
    func find(id: String, workspaceID: String) async throws -> Journey?
    func list(workspaceID: String, status: JourneyStatus?, page: PageRequest) async throws -> Page<Journey>
    func delete(id: String, workspaceID: String) async throws
    func insertVersion(_ version: JourneyVersion) async throws
    func version(journeyID: String, version: Int) async throws -> JourneyVersion?
    /// The journeys live or paused in the workspace, each with every version it has.
    func running(workspaceID: String) async throws -> [(journey: Journey, versions: [JourneyVersion])]
    /// The live journeys of every workspace, by id (what the runner claims from).
    func liveJourneyIDs() async throws -> [String]

    /// Moved in each transaction that publishes, pauses, resumes or archives one of the
    /// workspace's journeys, so a process's `JourneyCatalog` of it is read again.
    func revision(workspaceID: String) async throws -> Int64
    func moveRevision(workspaceID: String) async throws

    // MARK: Enrolments

    /// Inserts the enrolments; one whose customer is still in the journey is left out. The ids inserted.
    func enrol(_ enrolments: [JourneyEnrolment]) async throws -> [String]
    /// For each customer: when they last entered the journey, and whether they are in it now.
    func lastEntries(journeyID: String, customerIDs: [String]) async throws -> [String: (enteredAt: Date, inFlight: Bool)]
    /// Of these journeys, those with an enrolment due by `now` (a read: a round with nothing
    /// due writes nothing).
    func journeysWithDue(among journeyIDs: [String], now: Date) async throws -> [String]
    /// Up to `limit` of the journey's enrolments due by `now`, taken with `token` until
    /// `until` (a claim left by a runner that died comes due again then).
    func claimDue(journeyID: String, now: Date, until: Date, token: String, limit: Int) async throws -> [JourneyEnrolment]
    /// Of the enrolments claimed with `token`, those still held by it (nothing else finished
    /// or took them meanwhile), released: only their walks are written.
    func confirm(ids: [String], token: String) async throws -> Set<String>
    func save(_ moves: [JourneyEnrolmentMove], at now: Date) async throws
    /// Gives back what a runner claimed with `token` and could not write: due again at `date`.
    func release(ids: [String], token: String, dueAt date: Date) async throws
    func insertStepRuns(_ runs: [JourneyStepRecord]) async throws
    /// For each enrolment, the last visit number of each step it ran.
    func visits(enrolmentIDs: [String]) async throws -> [String: [String: Int]]
    /// What the runner needs of these customers.
    func customerFacts(customerIDs: [String]) async throws -> [JourneyCustomerFacts]
    /// When each of these customers placed their orders since `since` (cancelled and refunded
    /// ones left out), for their re-buy interval.
    func orderTimes(customerIDs: [String], since: Date) async throws -> [String: [Date]]
    /// The customers' enrolments still in flight, and, of the journeys with a goal, those not
    /// converted that entered since `date` (a goal reached after a journey ended early still
    /// counts within its window); oldest first.
    func enrolments(customerIDs: [String], inFlightOrEnteredSince date: Date, journeyIDsWithGoals: [String]) async throws -> [JourneyEnrolment]
    /// Notes that an event a wait of the enrolment's journey listens for came: due now if its
    /// step waits for it and no runner holds it; kept for the runner's write otherwise (which
    /// keeps it if the walk reached a wait for it before it came). An event already noted for
    /// the step it waits at is not overwritten by another.
    func noteEvent(enrolmentIDs: [String], name: String, at: Date) async throws
    /// Marks the goal reached on enrolments already finished.
    func markConverted(enrolmentIDs: [String], at: Date) async throws
    /// Ends enrolments in flight: `converted` marks the goal reached.
    func finish(enrolmentIDs: [String], status: JourneyEnrolmentStatus, reason: String, at: Date, converted: Bool) async throws
    /// Ends every enrolment of the journey still in flight.
    func finishAll(journeyID: String, reason: String, at: Date) async throws -> Int
    func enrolments(customerID: String, workspaceID: String) async throws -> [JourneyEnrolment]

    // MARK: Report

    func stepCounts(journeyID: String, goalWindow: TimeInterval?) async throws -> [JourneyStepCount]
    /// The customers whose enrolments in the journey ran the step (at its first visit).
    func customers(ranStep stepKey: String, journeyID: String) async throws -> [String]
    func stats(journeyID: String, goalWindow: TimeInterval?) async throws -> JourneyStats
}
