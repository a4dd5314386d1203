import RapportCore

/// Carries live updates to the other Rapport processes sharing the database.
public protocol LiveRelay: Sendable {
    func forward(_ updates: [LiveUpdate]) async
}
