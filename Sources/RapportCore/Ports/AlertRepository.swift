import Foundation

/// Users' alerts (ADR 0015).
public protocol AlertRepository: Sendable {
    /// Adds the alerts whose user has no alert of that origin yet; answers those it added.
    func insert(_ alerts: [Alert]) async throws -> [Alert]
    /// The user's alerts, newest first; a page after a cursor (an alert id).
    func alerts(workspaceID: String, userID: String, unreadOnly: Bool, page: PageRequest) async throws -> Page<Alert>
    func unreadCount(workspaceID: String, userID: String) async throws -> Int
    /// The alert, if it is `userID`'s (nil: whoever's it is).
    func alert(id: String, workspaceID: String, userID: String?) async throws -> Alert?
    /// Marks one read at `moment`, or unread (nil).
    func setRead(id: String, workspaceID: String, at moment: Date?) async throws
    /// Marks every unread alert about the record read (a task done: its alerts are settled).
    func markReadAbout(subjectID: String, workspaceID: String, at moment: Date) async throws
    /// Marks all the user's unread alerts read; answers how many.
    func markAllRead(workspaceID: String, userID: String, at moment: Date) async throws -> Int
}
