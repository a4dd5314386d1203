import Foundation
import Hummingbird
import RapportCore

/// The audit log's filters from a query string (the API's and the page's).
enum AuditFilterParameters {
    static func read(_ request: Request) throws -> AuditFilter {
        let query = request.uri.queryParameters
        func value(_ name: String) throws -> String? {
            guard let given = query.get(name)?.trimmingCharacters(in: .whitespaces), !given.isEmpty else { return nil }
            guard given.count <= 100 else { throw RapportError.invalid(field: name, "must be at most 100 characters") }
            return given
        }
        return AuditFilter(action: try value("action"), actor: try value("actor"), subjectID: try value("customer_id") ?? value("subject_id"))
    }
}
