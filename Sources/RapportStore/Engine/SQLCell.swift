/// One value of a bulk-loaded row: the shapes Rapport's columns take, any may be NULL.
/// The Swift type travels with a NULL, so PostgreSQL learns the right parameter type.
enum SQLCell: Sendable {
    case text(String?)
    case integer(Int64?)
    case real(Double?)

    var bindValue: any Encodable & Sendable {
        switch self {
        case .text(let value): value
        case .integer(let value): value
        case .real(let value): value
        }
    }
}
