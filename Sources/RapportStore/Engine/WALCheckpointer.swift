#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import SQLiteKit
import Synchronization

/// Checkpoints an SQLite WAL from its own connection, beside the writer: after every
/// `interval` commits, or sooner once the WAL's file has passed `restartFrames` pages (a few
/// large transactions, a bulk import, write as much as thousands of small ones), one passive
/// checkpoint runs (never two at once) and copies the WAL's pages into the database file
/// while the writer goes on. Those checkpoints can never catch up
/// with a writer that keeps writing, and SQLite starts the WAL over only after a checkpoint
/// that did; so once the WAL holds `restartFrames` pages the writer itself checkpoints between
/// two transactions (quick, since most pages are copied already), and the WAL starts over.
final class WALCheckpointer: Sendable {
    private struct State {
        var commitsSinceCheckpoint = 0
        var restartDue = false
        var running = false
        var closed = false
    }

    private let connection: SQLiteConnection
    private let interval: Int
    private let restartFrames: Int64
    /// The WAL's file, whose size says how much was written since it last started over.
    private let walPath: String
    private let state = Mutex(State())

    /// 65,536 pages: a WAL of about 256 MiB before it starts over.
    init(connection: SQLiteConnection, walPath: String, interval: Int = 64, restartFrames: Int64 = 65_536) {
        self.connection = connection
        self.walPath = walPath
        self.interval = interval
        self.restartFrames = restartFrames
    }

    /// Whether the WAL's file holds more than `restartFrames` pages of 4 KiB. Its size is its
    /// high-water mark until it starts over (and is cut back to 64 MiB), so a checkpoint is
    /// started after each commit until it has.
    private var walIsLarge: Bool {
        var info = stat()
        guard stat(walPath, &info) == 0 else { return false }
        return Int64(info.st_size) >= restartFrames * 4_096
    }

    /// Called by the writer after each commit, holding the writer connection.
    func committed(writer: SQLiteConnection) async {
        let writerTurn = state.withLock { $0.restartDue && !$0.running }
        if writerTurn {
            let rows = try? await writer.query("PRAGMA wal_checkpoint(PASSIVE)")
            // Done when it was not blocked and copied every frame of the WAL.
            if let row = rows?.first, row.column("busy")?.integer == 0,
                let frames = row.column("log")?.integer, row.column("checkpointed")?.integer == frames
            {
                state.withLock { $0.restartDue = false }
            }
        }
        let large = walIsLarge
        let start = state.withLock { state -> Bool in
            state.commitsSinceCheckpoint += 1
            guard !state.running, !state.closed, state.commitsSinceCheckpoint >= interval || large else { return false }
            state.running = true
            state.commitsSinceCheckpoint = 0
            return true
        }
        guard start else { return }
        Task {
            let frames = try? await connection.query("PRAGMA wal_checkpoint(PASSIVE)").first?.column("log")?.integer
            state.withLock { state in
                state.running = false
                if let frames, Int64(frames) >= restartFrames { state.restartDue = true }
            }
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
