import Foundation

/// The `tasks` table.
public protocol WorkTaskRepository: Sendable {
    /// Adds tasks, leaving out one whose `origin` is already there (a journey step run again);
    /// answers how many it added.
    @discardableResult
    func insert(_ tasks: [WorkTask]) async throws -> Int
    func update(_ task: WorkTask) async throws
    /// A deactivated user's open tasks go back to their team (no owner); how many.
    @discardableResult
    func releaseOpen(ownerID: String, workspaceID: String, at date: Date) async throws -> Int
    /// Locked for the rest of a write transaction on PostgreSQL.
    func find(id: String, workspaceID: String) async throws -> WorkTask?
    /// How many tasks each actor (by label) completed from `since` to `until`.
    func completedCounts(workspaceID: String, since: Date, until: Date) async throws -> [String: Int]
    /// The user's open tasks due from `since` on, soonest first (at most `limit`): their calendar's.
    func openWithDueTimes(ownerID: String, workspaceID: String, since: Date, limit: Int) async throws -> [WorkTask]
    /// Open tasks whose next alert moment came by `now`, from every workspace, earliest first;
    /// locked for the sweep's transaction, skipping those another one holds (PostgreSQL).
    func alertsDue(at now: Date, limit: Int) async throws -> [WorkTask]
    /// After the sweep: each task's next alert moment (nil: none left).
    func setNextAlert(at moment: Date?, taskID: String) async throws
    /// Newest first; a page after a cursor (a task id).
    func list(workspaceID: String, filter: WorkTaskFilter, page: PageRequest) async throws -> Page<WorkTask>
}
