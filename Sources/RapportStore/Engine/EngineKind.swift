/// The two storage engines Rapport runs on.
public enum EngineKind: String, Sendable {
    case sqlite
    case postgresql
}
