import Hummingbird
import RapportCore

/// Routes that name the permission they need. The check runs before the body is read, so a
/// role without it gets 403 whatever it sent (not a 422 that would tell it how to shape the
/// request). Core's services check the same permission again: this is the early answer, not
/// the only guard.
extension RouterMethods where Context: ActorRequestContext {
    @discardableResult
    func get(_ path: RouterPath, requiring permission: Permission, use handler: @escaping @Sendable (Request, Context) async throws -> Response) -> Self {
        on(path, method: .get, use: Self.requiring(permission, handler))
    }

    @discardableResult
    func post(_ path: RouterPath, requiring permission: Permission, use handler: @escaping @Sendable (Request, Context) async throws -> Response) -> Self {
        on(path, method: .post, use: Self.requiring(permission, handler))
    }

    @discardableResult
    func put(_ path: RouterPath, requiring permission: Permission, use handler: @escaping @Sendable (Request, Context) async throws -> Response) -> Self {
        on(path, method: .put, use: Self.requiring(permission, handler))
    }

    @discardableResult
    func patch(_ path: RouterPath, requiring permission: Permission, use handler: @escaping @Sendable (Request, Context) async throws -> Response) -> Self {
        on(path, method: .patch, use: Self.requiring(permission, handler))
    }

    @discardableResult
    func delete(_ path: RouterPath, requiring permission: Permission, use handler: @escaping @Sendable (Request, Context) async throws -> Response) -> Self {
        on(path, method: .delete, use: Self.requiring(permission, handler))
    }

    private static func requiring(
        _ permission: Permission, _ handler: @escaping @Sendable (Request, Context) async throws -> Response
    ) -> @Sendable (Request, Context) async throws -> Response {
        { request, context in
            try context.actor.require(permission)
            return try await handler(request, context)
        }
    }
}
