import Hummingbird
import RapportCore

/// The `{id}` path parameter of a resource kind; one that cannot be an id of that kind is
/// simply not found.
enum PathID {
    static func require(_ context: some RequestContext, _ prefix: IDPrefix, _ noun: String, parameter: String = "id") throws -> String {
        let id = try context.parameters.require(parameter)
        guard ResourceID.isValid(id, prefix: prefix) else { throw RapportError.notFound("No \(noun) with id \(id.prefix(64)).") }
        return id
    }
}
