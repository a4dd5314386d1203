/// The storage port. `write` runs its body in one transaction: everything it does, including
/// the events it appends, commits together or not at all.
public protocol DataStore: Sendable {
    /// `sqlite` or `postgresql`.
    var engineName: String { get }
    /// How many write transactions a bulk job may usefully run at once: one on SQLite (which
    /// writes one transaction at a time), more on PostgreSQL.
    var parallelWriters: Int { get }
    func read<T: Sendable>(_ body: @Sendable (any StoreSession) async throws -> T) async throws -> T
    func write<T: Sendable>(_ body: @Sendable (any StoreSession) async throws -> T) async throws -> T
    /// The number of the newest applied migration.
    func schemaVersion() async throws -> Int
}
