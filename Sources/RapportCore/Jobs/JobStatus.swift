/// Where a job stands. `queued` jobs run once `run_at` has passed; a `running` job whose lease
/// ran out (its worker died) is claimed again; `dead` jobs used up their attempts and keep the
/// last error until someone retries or discards them.
public enum JobStatus: String, Sendable, Codable, CaseIterable {
    case queued, running, succeeded, dead, discarded
}
