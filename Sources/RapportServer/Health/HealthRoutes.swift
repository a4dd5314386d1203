import Hummingbird
import RapportCore

/// `GET /health`: 200 with the engine and schema version while the database answers, 503 when it does not.
struct HealthRoutes {
    struct Status: Encodable {
        struct Database: Encodable {
            var engine: String
            var schemaVersion: Int
        }

        var database: Database
        var status: String
    }

    let store: any DataStore

    func register(on router: Router<RapportRequestContext>) {
        router.get("health") { _, context -> Response in
            do {
                let version = try await store.schemaVersion()
                return try JSONResponse.make(
                    Status(database: .init(engine: store.engineName, schemaVersion: version), status: "ok"))
            } catch {
                context.logger.error("health check failed", metadata: ["error": .string(String(reflecting: error))])
                return ProblemDetails.make(
                    .serviceUnavailable, detail: "The database does not answer.", context: context, path: "/health")
            }
        }
    }
}
