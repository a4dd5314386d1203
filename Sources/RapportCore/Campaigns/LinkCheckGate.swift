/// One link check at a time in a process. A check fetches up to 50 sites chosen by whoever
/// wrote the campaign, and name lookups share a small pool of threads with every other
/// outbound call (campaign sends, webhooks): a second check while one runs is refused (429)
/// rather than queued, so checks cannot crowd out sending.
actor LinkCheckGate {
    static let shared = LinkCheckGate()
    /// How long to wait before asking again.
    static let retryAfterSeconds = 30

    private var running = false

    /// Takes the gate; false when a check holds it.
    func enter() -> Bool {
        guard !running else { return false }
        running = true
        return true
    }

    func leave() {
        running = false
    }
}
