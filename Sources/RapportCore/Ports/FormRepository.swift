import Foundation

/// Forms and quizzes, and the answers they took, scoped to one workspace.
public protocol FormRepository: Sendable {
    func insert(_ form: Form) async throws
    /// Saves the form if it is still as it was read (`updated_at`); false when another change came first.
    func update(_ form: Form, expectedUpdatedAt: Date) async throws -> Bool
    func find(id: String, workspaceID: String) async throws -> Form?
    /// Newest first.
    func list(workspaceID: String, page: PageRequest) async throws -> Page<Form>
    /// Removes the form and its answers; the number of answers removed, or nil when there was no form.
    func delete(id: String, workspaceID: String) async throws -> Int?
    func insertResponse(_ response: FormResponse) async throws
    /// The response a submission id was stored under, to answer a retry the same.
    func response(submissionID: String, formID: String, workspaceID: String) async throws -> FormResponse?
    /// Newest first.
    func responses(formID: String, workspaceID: String, page: PageRequest) async throws -> Page<FormResponse>
    /// How many answers each form has taken.
    func responseCounts(formIDs: [String], workspaceID: String) async throws -> [String: Int]
}
