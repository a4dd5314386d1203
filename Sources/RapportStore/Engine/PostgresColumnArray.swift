import NIOCore
import PostgresNIO

/// One column of a bulk write as a PostgreSQL array parameter (`text[]`, `int8[]` or
/// `float8[]`, NULLs kept), so that `unnest` turns a handful of parameters into any number of
/// rows: one bind per column instead of one per value.
struct PostgresColumnArray: PostgresThrowingDynamicTypeEncodable {
    private let cells: [SQLCell]
    private let elementType: PostgresDataType
    var psqlFormat: PostgresFormat { .binary }

    /// The `index`th cell of each row. Every cell of a column has the same shape, as the rows
    /// are built by one repository's code (the shape travels with a NULL, so a column of NULLs
    /// has its type too).
    init(column index: Int, of rows: some Collection<[SQLCell]>) {
        let cells = rows.map { $0[index] }
        let elementType = Self.elementType(of: cells.first ?? .text(nil))
        precondition(cells.allSatisfy { Self.elementType(of: $0) == elementType }, "Column \(index) mixes value shapes.")
        self.cells = cells
        self.elementType = elementType
    }

    var psqlType: PostgresDataType {
        switch elementType {
        case .int8: .int8Array
        case .float8: .float8Array
        default: .textArray
        }
    }

    /// The SQL type to cast the parameter to, so `unnest` knows the type of what it yields.
    var sqlType: String {
        switch elementType {
        case .int8: "bigint[]"
        case .float8: "double precision[]"
        default: "text[]"
        }
    }

    private static func elementType(of cell: SQLCell) -> PostgresDataType {
        switch cell {
        case .text: .text
        case .integer: .int8
        case .real: .float8
        }
    }

    /// PostgreSQL's binary array format: dimensions, a has-NULLs flag, the element type, the
    /// length and lower bound of the one dimension, then each element as length and bytes (-1
    /// for NULL).
    func encode<JSONEncoder: PostgresJSONEncoder>(into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) throws {
        let hasNulls = cells.contains { cell in
            switch cell {
            case .text(nil), .integer(nil), .real(nil): true
            default: false
            }
        }
        buffer.writeInteger(cells.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(hasNulls ? 1 : 0, as: Int32.self)
        buffer.writeInteger(elementType.rawValue)
        guard !cells.isEmpty else { return }
        buffer.writeInteger(Int32(cells.count))
        buffer.writeInteger(1, as: Int32.self)
        for cell in cells {
            switch cell {
            case .text(nil), .integer(nil), .real(nil):
                buffer.writeInteger(-1, as: Int32.self)
            case .text(let value?):
                buffer.writeInteger(Int32(value.utf8.count))
                buffer.writeString(value)
            case .integer(let value?):
                buffer.writeInteger(8, as: Int32.self)
                buffer.writeInteger(value)
            case .real(let value?):
                buffer.writeInteger(8, as: Int32.self)
                buffer.writeInteger(value.bitPattern)
            }
        }
    }
}
