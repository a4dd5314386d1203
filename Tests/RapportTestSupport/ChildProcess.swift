import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// A program a test runs (python3 checks, openssl, the SMTP sink, the `rapport` binary), started
/// with `posix_spawn` itself. Foundation's `Process.run()` on Linux (Swift 6.3.1) can crash reading
/// `/proc/self/fd` once the test process holds many descriptors (a 256-byte copy of each `d_name`
/// past glibc's buffer; swift-corelibs-foundation pull request 5472), and the whole suite runs in
/// one process. The child gets only standard input (`/dev/null`), output and error; every other
/// descriptor is closed in it, and its signal mask is cleared (so SIGTERM reaches it).
public final class ChildProcess: Sendable {
    /// Where a standard stream of the child goes.
    public enum Stream: Sendable {
        case discard
        /// A pipe the test reads (`output` or `errors`).
        case capture
        /// Standard error only: into the same pipe as standard output.
        case intoOutput
        /// Standard error only: the test process's own (a helper's start-up errors show in the log).
        case inherit
    }

    public let pid: pid_t
    /// The read ends of the captured streams; nil when discarded.
    public let output: FileHandle?
    public let errors: FileHandle?
    private let status = Mutex<Int32?>(nil)

    private typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32

    /// Starts `executable` (an absolute path; `/usr/bin/env` finds `python3` on the PATH) with
    /// `arguments` and `environment` (nil: the test process's).
    public init(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, output: Stream = .capture, errors: Stream = .discard
    ) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var emptyMask = sigset_t()
        sigemptyset(&emptyMask)
        posix_spawnattr_setsigmask(&attributes, &emptyMask)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))

        var parentEnds: [Int32] = []
        defer { parentEnds.forEach { close($0) } }
        func pipeEnds() throws -> (read: Int32, write: Int32) {
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { throw ChildProcessError(message: "pipe: errno \(errno)") }
            // Only this child gets them (dup2 onto 1 and 2 clears the flag there).
            ends.forEach { _ = fcntl($0, F_SETFD, FD_CLOEXEC) }
            parentEnds.append(ends[1])
            return (ends[0], ends[1])
        }
        let null = open("/dev/null", O_RDWR | O_CLOEXEC)
        guard null >= 0 else { throw ChildProcessError(message: "/dev/null: errno \(errno)") }
        parentEnds.append(null)
        posix_spawn_file_actions_adddup2(&actions, null, 0)
        var outputRead: Int32?
        var outputWrite = null
        if output == .capture {
            let ends = try pipeEnds()
            (outputRead, outputWrite) = (ends.read, ends.write)
        }
        posix_spawn_file_actions_adddup2(&actions, outputWrite, 1)
        var errorsRead: Int32?
        switch errors {
        case .discard: posix_spawn_file_actions_adddup2(&actions, null, 2)
        case .intoOutput: posix_spawn_file_actions_adddup2(&actions, outputWrite, 2)
        case .inherit: break
        case .capture:
            let ends = try pipeEnds()
            errorsRead = ends.read
            posix_spawn_file_actions_adddup2(&actions, ends.write, 2)
        }
        // glibc 2.34+ has it, but its header declares it only under _GNU_SOURCE.
        guard let symbol = dlsym(dlopen(nil, RTLD_NOW), "posix_spawn_file_actions_addclosefrom_np") else {
            throw ChildProcessError(message: "posix_spawn_file_actions_addclosefrom_np is missing (glibc older than 2.34)")
        }
        _ = unsafeBitCast(symbol, to: CloseFrom.self)(&actions, 3)

        let environment = environment ?? ProcessInfo.processInfo.environment
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let started = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard started == 0 else {
            [outputRead, errorsRead].compactMap { $0 }.forEach { close($0) }
            throw ChildProcessError(message: "posix_spawn \(executable): error \(started)")
        }
        self.pid = pid
        self.output = outputRead.map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
        self.errors = errorsRead.map { FileHandle(fileDescriptor: $0, closeOnDealloc: true) }
    }

    /// Waits for the child to end: its exit status, or 128 plus the signal that ended it; -1 when
    /// it cannot be waited for (never 0, which a check would read as success).
    @discardableResult
    public func wait() -> Int32 {
        status.withLock { known in
            if let known { return known }
            var raw: Int32 = 0
            var waited = waitpid(pid, &raw, 0)
            while waited == -1 && errno == EINTR { waited = waitpid(pid, &raw, 0) }
            guard waited == pid else {
                known = -1
                return -1
            }
            let ended = raw & 0x7f == 0 ? (raw >> 8) & 0xff : 128 + (raw & 0x7f)
            known = ended
            return ended
        }
    }

    /// Sends `signal` (SIGKILL by default) to the child.
    public func kill(_ signal: Int32 = SIGKILL) {
        _ = Glibc.kill(pid, signal)
    }

    /// Runs the program to its end: its exit status, standard output and standard error (the
    /// output read first; fine for the small outputs tests read).
    public static func run(
        _ executable: String, _ arguments: [String], environment: [String: String]? = nil, errors: Stream = .capture
    ) throws -> (status: Int32, output: String, errors: String) {
        let child = try ChildProcess(executable, arguments, environment: environment, output: .capture, errors: errors)
        let output = child.output.map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) } ?? ""
        let problems = child.errors.map { String(decoding: $0.readDataToEndOfFile(), as: UTF8.self) } ?? ""
        return (child.wait(), output, problems)
    }
}
