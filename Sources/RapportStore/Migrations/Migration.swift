/// One numbered step of the schema. Statements may differ by engine only through `EngineDialect`.
struct Migration: Sendable {
    let version: Int
    let name: String
    let statements: @Sendable (EngineDialect) -> [String]
}
