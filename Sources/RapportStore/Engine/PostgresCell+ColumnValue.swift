import NIOCore
import PostgresNIO

/// Straight from the cell's bytes: PostgreSQL sends text as UTF-8 and integers big-endian in
/// the binary format PostgresNIO asks for (the text format is read too).
extension PostgresCell: ColumnValue {
    var textValue: String? { bytes.map { String(buffer: $0) } }

    var integerValue: Int64? {
        guard var bytes else { return nil }
        if format == .text { return Int64(String(buffer: bytes)) }
        switch (dataType, bytes.readableBytes) {
        case (.int8, 8): return bytes.readInteger(as: Int64.self)
        case (.int4, 4): return bytes.readInteger(as: Int32.self).map(Int64.init)
        case (.int2, 2): return bytes.readInteger(as: Int16.self).map(Int64.init)
        default: return nil
        }
    }
}
