import SQLiteKit
import Synchronization

/// Checkpoints an SQLite WAL from its own connection, beside the writer: after every
/// `interval` commits one passive checkpoint runs (never two at once), which copies what no
/// reader still needs into the database file and lets the writer start the WAL over.
final class WALCheckpointer: Sendable {
    private struct State {
        var commitsSinceCheckpoint = 0
        var running = false
        var closed = false
    }

    private let connection: SQLiteConnection
    private let interval: Int
    private let state = Mutex(State())

    init(connection: SQLiteConnection, interval: Int = 64) {
        self.connection = connection
        self.interval = interval
    }

    func committed() {
        let start = state.withLock { state -> Bool in
            state.commitsSinceCheckpoint += 1
            guard !state.running, !state.closed, state.commitsSinceCheckpoint >= interval else { return false }
            state.running = true
            state.commitsSinceCheckpoint = 0
            return true
        }
        guard start else { return }
        Task {
            _ = try? await connection.query("PRAGMA wal_checkpoint(PASSIVE)")
            state.withLock { $0.running = false }
        }
    }

    func close() async {
        state.withLock { $0.closed = true }
        while state.withLock({ $0.running }) { try? await Task.sleep(for: .milliseconds(5)) }
        // A last full checkpoint leaves the database file complete on a clean shutdown.
        _ = try? await connection.query("PRAGMA wal_checkpoint(TRUNCATE)")
        try? await connection.close()
    }
}
