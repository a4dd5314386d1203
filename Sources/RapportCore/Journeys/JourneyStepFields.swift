/// A step's fields while the parser reads them: each taken once, and whatever is left over
/// at the end is a key the step does not take (a 422 naming it).
final class JourneyStepFields {
    private var fields: [String: JSONValue]
    let path: String

    init(_ fields: [String: JSONValue], path: String) {
        self.fields = fields
        self.path = path
    }

    func has(_ name: String) -> Bool { fields[name] != nil }

    func take(_ name: String) -> JSONValue? { fields.removeValue(forKey: name) }

    /// A step's key to go to (`next`, `otherwise`, `on_timeout`); absent or null: the journey ends.
    func next(_ name: String = "next") throws -> String? {
        switch take(name) {
        case nil, .null?: return nil
        case .string(let key)? where JourneyDefinitionParser.isKey(key): return key
        default: throw JourneyDefinitionParser.invalid("\(path).\(name)", "must be a step's key, or null to end the journey there")
        }
    }

    /// An id with the kind's prefix (`inb_…`, `team_…`).
    func id(_ name: String, prefix: IDPrefix, required: Bool) throws -> String? {
        switch take(name) {
        case nil, .null?:
            guard !required else { throw JourneyDefinitionParser.invalid("\(path).\(name)", "is required: an id (\(prefix.rawValue)_…)") }
            return nil
        case .string(let id)? where id.hasPrefix(prefix.rawValue + "_") && id.count <= 100:
            return id
        default:
            throw JourneyDefinitionParser.invalid("\(path).\(name)", "must be an id (\(prefix.rawValue)_…)")
        }
    }

    /// Refuses any field not read.
    func finish() throws {
        if let unknown = fields.keys.sorted().first {
            throw JourneyDefinitionParser.invalid("\(path).\(unknown.prefix(64))", "is not a field this step takes")
        }
    }
}
