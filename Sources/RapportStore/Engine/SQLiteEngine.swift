import Foundation
import Logging
import RapportCore
import SQLiteKit

/// SQLite in WAL mode: one writer connection (SQLite allows one writer at a time, so writes
/// queue here rather than spin on the file lock) and a few readers that never block it.
final class SQLiteEngine: SQLEngine {
    let dialect = EngineDialect(kind: .sqlite)
    private let writer: LeasePool<SQLiteConnection>
    private let readers: LeasePool<SQLiteConnection>
    private let readerCount: Int
    private let checkpointer: WALCheckpointer

    private init(writer: SQLiteConnection, readers: [SQLiteConnection], checkpointer: WALCheckpointer) {
        self.writer = LeasePool([writer])
        self.readers = LeasePool(readers)
        self.readerCount = readers.count
        self.checkpointer = checkpointer
    }

    static func open(path: String, readerCount: Int = 4, logger: Logger) async throws -> SQLiteEngine {
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let writer = try await openConnection(path: path, logger: logger, cacheMiB: 256)
        // WAL is a property of the file: set it once, on the writer, before readers open.
        _ = try await writer.query("PRAGMA journal_mode=WAL")
        // Checkpoints copy the WAL back into the database file. Done by the committing writer
        // (SQLite's default) they stalled every thousandth commit; here a connection of their
        // own does them beside the writer.
        _ = try await writer.query("PRAGMA wal_autocheckpoint=0")
        // After the WAL starts over, its file is cut back to 64 MiB rather than kept at its peak.
        _ = try await writer.query("PRAGMA journal_size_limit=\(64 << 20)")
        var readers: [SQLiteConnection] = []
        for _ in 0..<readerCount {
            readers.append(try await openConnection(path: path, logger: logger, cacheMiB: 16))
        }
        let checkpointer = WALCheckpointer(connection: try await openConnection(path: path, logger: logger, cacheMiB: 2), walPath: path + "-wal")
        return SQLiteEngine(writer: writer, readers: readers, checkpointer: checkpointer)
    }

    /// How far a commit is flushed before it is acknowledged (`RAPPORT_SQLITE_SYNCHRONOUS`):
    /// `NORMAL` (the default) survives a killed process; `FULL` also a power cut, at the cost
    /// measured in docs/performance.md.
    enum Synchronous: String {
        case normal = "NORMAL"
        case full = "FULL"
    }

    static var synchronous: Synchronous {
        ProcessInfo.processInfo.environment["RAPPORT_SQLITE_SYNCHRONOUS"].flatMap { Synchronous(rawValue: $0.uppercased()) } ?? .normal
    }

    /// A connection with Rapport's settings. SQLite's default page cache (2 MiB) is far smaller
    /// than the indexes of a million customers; memory-mapped reads skip a copy per page.
    /// Deleted content is zeroed, so an erased customer is not left in the file's free pages.
    private static func openConnection(path: String, logger: Logger, cacheMiB: Int) async throws -> SQLiteConnection {
        let connection = try await SQLiteConnection.open(storage: .file(path: path), logger: logger)
        let pragmas = [
            "PRAGMA busy_timeout=5000", "PRAGMA synchronous=\(synchronous.rawValue)", "PRAGMA foreign_keys=ON",
            "PRAGMA cache_size=-\(cacheMiB * 1024)", "PRAGMA mmap_size=\(256 << 20)", "PRAGMA temp_store=MEMORY",
            // Deleted rows are overwritten, not left in free pages (an erasure means gone).
            "PRAGMA secure_delete=ON",
        ]
        for pragma in pragmas {
            _ = try await connection.query(pragma)
        }
        try await connection.install(customFunction: drawFunction).get()
        return connection
    }

    /// `rapport_draw(salt, text)`: Core's draw, for the set-based audience resolution
    /// (`EngineDialect.draw`).
    private static let drawFunction = SQLiteCustomFunction("rapport_draw", argumentCount: 2, pure: true) { arguments in
        guard case .text(let salt) = arguments[0], case .text(let text) = arguments[1] else { return nil as Double? }
        return CampaignRecipientRule.draw(customerID: text, campaignID: salt)
    }

    func withReadConnection<T: Sendable>(_ body: @Sendable (SQLConnectionHandle) async throws -> T) async throws -> T {
        try await readers.withLease { connection in
            try await body(SQLConnectionHandle(sql: connection.sql(queryLogLevel: nil), dialect: dialect, sqlite: connection))
        }
    }

    func withTransaction<T: Sendable>(_ body: @Sendable (SQLConnectionHandle) async throws -> T) async throws -> T {
        try await writer.withLease { connection in
            _ = try await connection.query("BEGIN IMMEDIATE")
            do {
                let result = try await body(
                    SQLConnectionHandle(
                        sql: connection.sql(queryLogLevel: nil), dialect: dialect, sqlite: connection, inTransaction: true))
                _ = try await connection.query("COMMIT")
                await checkpointer.committed(writer: connection)
                return result
            } catch {
                _ = try? await connection.query("ROLLBACK")
                throw error
            }
        }
    }

    func shutdown() async {
        for connection in await writer.drain(count: 1) + readers.drain(count: readerCount) {
            try? await connection.close()
        }
        await checkpointer.close()
    }
}
