/// Where services announce committed changes for connected agents (in process, and on
/// PostgreSQL to every other process through LISTEN/NOTIFY).
public protocol LiveUpdates: Sendable {
    func publish(_ updates: [LiveUpdate]) async
}

/// For tools that have no one to tell (the command line, imports).
public struct NoLiveUpdates: LiveUpdates {
    public init() {}
    public func publish(_ updates: [LiveUpdate]) async {}
}
