import Foundation
import HTTPTypes
import Hummingbird
import NIOCore
import RapportCore

/// A customer's export as a file: one JSON document, or a ZIP holding that document and a CSV
/// per table that has rows. The API, the customer page and `rapport privacy export` all write
/// this.
public struct CustomerExportFile: Sendable {
    public enum Format: String, Sendable, CaseIterable {
        case json
        case zip
    }

    public let format: Format
    public let bytes: [UInt8]
    public let fileName: String

    public init(_ export: CustomerExport, format: Format) {
        self.format = format
        let stem = "rapport-export-\(export.customerID)"
        switch format {
        case .json:
            bytes = Array(export.json.utf8)
            fileName = stem + ".json"
        case .zip:
            var archive = ZipArchive(date: export.exportedAt)
            archive.add("customer.json", text: export.json)
            for table in export.tables where !table.rows.isEmpty {
                archive.add("tables/\(table.name).csv", text: CustomerExport.csv(table))
            }
            bytes = archive.finish()
            fileName = stem + ".zip"
        }
    }

    public var contentType: String {
        format == .json ? "application/json" : "application/zip"
    }

    /// The format a request asks for: `?format=zip|json`, else `Accept: application/zip`, else JSON.
    static func format(of request: Request) throws -> Format {
        if let asked = request.uri.queryParameters.get("format") {
            guard let format = Format(rawValue: asked) else { throw RapportError.invalid(field: "format", "must be json or zip") }
            return format
        }
        return request.headers[.accept]?.contains("application/zip") == true ? .zip : .json
    }

    /// A download: the bytes with their type and a file name.
    var response: Response {
        var headers = HTTPFields()
        headers[.contentType] = contentType
        headers[.contentDisposition] = "attachment; filename=\"\(fileName)\""
        headers[.cacheControl] = "no-store"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
