import PostgresNIO
import RapportCore

/// The 360° view as a prepared statement: each PostgreSQL connection parses and plans it once.
struct CustomerViewStatement: PostgresPreparedStatement {
    static let name = "rapport_customer_view_v2"
    static let sql = EngineDialect.customerViewSQL(for: .postgresql, recent: CustomerView.recentInteractionCount)

    typealias Row = PostgresRow

    var workspaceID: String
    var customerID: String

    func makeBindings() throws -> PostgresBindings {
        var bindings = PostgresBindings(capacity: 2)
        bindings.append(workspaceID)
        bindings.append(customerID)
        return bindings
    }

    func decodeRow(_ row: PostgresRow) throws -> PostgresRow { row }
}
