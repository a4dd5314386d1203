import RapportCore

/// Turns a view into what swift-mustache reads, through the view's synthesized `Encodable`
/// rather than reflection: objects become dictionaries under snake_case keys
/// (`JSONDocumentEncoder.snakeCase`: `customerID` is `customer_id`), lists become arrays, text,
/// numbers and flags stay as they are, and nil is left out (a synthesized `encode(to:)` skips
/// it), so `{{^key}}` shows. A `[String: String]` (a refused form's fields as typed) is kept
/// with its keys as they are.
enum TemplateValueEncoder {
    static func values(of view: some Encodable) throws -> [String: Any] {
        let node = Node()
        try view.encode(to: NodeEncoder(node: node, codingPath: []))
        guard let object = node.object else { return [:] }
        return node.tree.hasNestedContainers ? object.mapValues(resolved) : object
    }

    /// What one value encoded into: an object, a list or a single value.
    private final class Node {
        let tree: Tree
        var object: [String: Any]?
        var array: [Any]?
        var single: Any?

        init(tree: Tree = Tree()) {
            self.tree = tree
        }

        var result: Any { object ?? array ?? single ?? [String: Any]() }

        /// A node for a container a custom `encode(to:)` asked for by hand, filled after it is
        /// placed: the tree is resolved once the view is done.
        func nested() -> Node {
            tree.hasNestedContainers = true
            return Node(tree: tree)
        }
    }

    private final class Tree {
        var hasNestedContainers = false
    }

    private static func resolved(_ value: Any) -> Any {
        switch value {
        case let node as Node: resolved(node.result)
        case let object as [String: Any]: object.mapValues(resolved)
        case let array as [Any]: array.map(resolved)
        default: value
        }
    }

    /// A value as a template keeps it: the plain ones as they are, anything else encoded.
    private static func value(_ value: some Encodable, in tree: Tree, codingPath: [any CodingKey]) throws -> Any {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let number as Int64: return Int(number)
        case let flag as Bool: return flag
        case let number as Double: return number
        case let texts as [String]: return texts
        case let fields as [String: String]: return fields
        default:
            let node = Node(tree: tree)
            try value.encode(to: NodeEncoder(node: node, codingPath: codingPath))
            return node.result
        }
    }

    private struct NodeEncoder: Encoder {
        let node: Node
        let codingPath: [any CodingKey]
        var userInfo: [CodingUserInfoKey: Any] { [:] }

        func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
            if node.object == nil { node.object = [:] }
            return KeyedEncodingContainer(Object(node: node, codingPath: codingPath))
        }

        func unkeyedContainer() -> any UnkeyedEncodingContainer {
            if node.array == nil { node.array = [] }
            return List(node: node, codingPath: codingPath)
        }

        func singleValueContainer() -> any SingleValueEncodingContainer {
            Single(node: node, codingPath: codingPath)
        }
    }

    private struct Object<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let node: Node
        let codingPath: [any CodingKey]

        private func set(_ value: Any, _ key: Key) {
            node.object?[JSONDocumentEncoder.snakeCase(key.stringValue)] = value
        }

        mutating func encodeNil(forKey key: Key) throws {}
        mutating func encode(_ value: Bool, forKey key: Key) throws { set(value, key) }
        mutating func encode(_ value: String, forKey key: Key) throws { set(value, key) }
        mutating func encode(_ value: Double, forKey key: Key) throws { set(value, key) }
        mutating func encode(_ value: Int, forKey key: Key) throws { set(value, key) }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            set(try TemplateValueEncoder.value(value, in: node.tree, codingPath: codingPath + [key]), key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key) -> KeyedEncodingContainer<NestedKey> {
            let child = node.nested()
            child.object = [:]
            set(child, key)
            return KeyedEncodingContainer(Object<NestedKey>(node: child, codingPath: codingPath + [key]))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = node.nested()
            child.array = []
            set(child, key)
            return List(node: child, codingPath: codingPath + [key])
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
        mutating func superEncoder(forKey key: Key) -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    }

    private struct List: UnkeyedEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]
        var count: Int { node.array?.count ?? 0 }

        mutating func encodeNil() throws {}
        mutating func encode(_ value: Bool) throws { node.array?.append(value) }
        mutating func encode(_ value: String) throws { node.array?.append(value) }
        mutating func encode(_ value: Double) throws { node.array?.append(value) }
        mutating func encode(_ value: Int) throws { node.array?.append(value) }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.array?.append(try TemplateValueEncoder.value(value, in: node.tree, codingPath: codingPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
            let child = node.nested()
            child.object = [:]
            node.array?.append(child)
            return KeyedEncodingContainer(Object<NestedKey>(node: child, codingPath: codingPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = node.nested()
            child.array = []
            node.array?.append(child)
            return List(node: child, codingPath: codingPath)
        }

        mutating func superEncoder() -> any Encoder { NodeEncoder(node: node, codingPath: codingPath) }
    }

    private struct Single: SingleValueEncodingContainer {
        let node: Node
        let codingPath: [any CodingKey]

        mutating func encodeNil() throws {}
        mutating func encode(_ value: Bool) throws { node.single = value }
        mutating func encode(_ value: String) throws { node.single = value }
        mutating func encode(_ value: Double) throws { node.single = value }
        mutating func encode(_ value: Int) throws { node.single = value }
        mutating func encode<T: Encodable>(_ value: T) throws {
            node.single = try TemplateValueEncoder.value(value, in: node.tree, codingPath: codingPath)
        }
    }
}
