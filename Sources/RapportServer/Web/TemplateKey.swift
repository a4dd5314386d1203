import Foundation
import RapportCore

/// How a template's key names a view's property: `channel_name` is `channelName`, `customer_id`
/// is `customerID` (the API's snake_case rule, `JSONDocumentEncoder.snakeCase`). Each view
/// type's key table is worked out once.
enum TemplateKey {
    private final class Tables: @unchecked Sendable {
        private let lock = NSLock()
        private var byType: [ObjectIdentifier: [String: String]] = [:]

        func table(for type: Any.Type, labels: () -> [String]) -> [String: String] {
            let id = ObjectIdentifier(type)
            if let table = lock.withLock({ byType[id] }) { return table }
            let table = Dictionary(labels().map { (JSONDocumentEncoder.snakeCase($0), $0) }) { first, _ in first }
            lock.withLock { byType[id] = table }
            return table
        }
    }

    private static let tables = Tables()

    /// The value of the property `key` names, nil when the view has none or it is nil.
    static func value(named key: String, in view: Any) -> Any? {
        let mirror = Mirror(reflecting: view)
        let table = tables.table(for: type(of: view)) { mirror.children.compactMap(\.label) }
        guard let label = table[key] else { return nil }
        for child in mirror.children where child.label == label {
            return present(child.value)
        }
        return nil
    }

    /// The value an optional holds, nil for an empty one; any other value as it is.
    static func present(_ value: Any) -> Any? {
        let mirror = Mirror(reflecting: value)
        guard mirror.displayStyle == .optional else { return value }
        return mirror.children.first.map { present($0.value) } ?? nil
    }
}
