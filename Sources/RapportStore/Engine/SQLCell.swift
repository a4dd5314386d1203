/// One value of a bulk-loaded row: the shapes Rapport's columns take, any may be NULL.
/// The Swift type travels with a NULL, so PostgreSQL learns the right parameter type.
enum SQLCell: Sendable {
    case text(String?)
    case integer(Int64?)
    case real(Double?)
}
