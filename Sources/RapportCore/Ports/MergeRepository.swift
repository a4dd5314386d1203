import Foundation

public protocol MergeRepository: Sendable {
    func insert(_ record: MergeRecord) async throws
    func find(id: String, workspaceID: String) async throws -> MergeRecord?
    /// Merges into `survivorID`, newest first.
    func merges(into survivorID: String, workspaceID: String) async throws -> [MergeRecord]
    func markUndone(id: String, at date: Date) async throws
    /// Records a suggestion unless the same pair already has one.
    func suggest(_ suggestion: MergeSuggestion) async throws
    func suggestions(workspaceID: String, page: PageRequest) async throws -> Page<MergeSuggestion>
    /// Removes the suggestions that name both customers (after they were merged or unmerged by hand).
    func resolveSuggestions(between first: String, and second: String, workspaceID: String) async throws
}
