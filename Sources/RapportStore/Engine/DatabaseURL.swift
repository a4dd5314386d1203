import Foundation
import RapportCore

/// Where the database is: `sqlite:///abs/path.sqlite`, `sqlite://relative.sqlite`, or
/// `postgres://user:pass@host:5432/db` (`postgresql://` too; `?schema=name` keeps Rapport's
/// tables in one schema of a shared database).
public enum DatabaseURL: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(host: String, port: Int, user: String, password: String?, database: String, schema: String?)

    public static let defaultValue = "sqlite://rapport.sqlite"

    public init(parsing text: String) throws(RapportError) {
        if text.hasPrefix("sqlite://") {
            let path = String(text.dropFirst("sqlite://".count))
            guard !path.isEmpty else {
                throw .invalid(field: "database", "sqlite:// needs a file path, e.g. sqlite://rapport.sqlite")
            }
            self = .sqlite(path: path.removingPercentEncoding ?? path)
            return
        }
        guard let components = URLComponents(string: text),
            let scheme = components.scheme, scheme == "postgres" || scheme == "postgresql"
        else {
            throw .invalid(field: "database", "use sqlite:///path/file.sqlite or postgres://user:pass@host:5432/db")
        }
        guard let host = components.host, !host.isEmpty else {
            throw .invalid(field: "database", "the postgres URL has no host")
        }
        let database = String(components.path.drop(while: { $0 == "/" }))
        guard let user = components.user, !user.isEmpty, !database.isEmpty else {
            throw .invalid(field: "database", "the postgres URL needs a user and a database name: postgres://user:pass@host:5432/db")
        }
        let schema = components.queryItems?.first(where: { $0.name == "schema" })?.value
        if let schema, schema.isEmpty || !schema.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) {
            throw .invalid(field: "database", "schema must be letters, digits and _")
        }
        self = .postgres(
            host: host, port: components.port ?? 5432, user: user.removingPercentEncoding ?? user,
            password: components.password.map { $0.removingPercentEncoding ?? $0 }, database: database, schema: schema)
    }

    public var engine: EngineKind {
        switch self {
        case .sqlite: .sqlite
        case .postgres: .postgresql
        }
    }
}
