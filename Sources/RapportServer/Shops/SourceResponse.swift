import Foundation
import RapportCore

/// A connected shop as the API shows it: never its secret, always its webhook URL.
struct SourceResponse: Encodable {
    let createdAt: Date
    let id: String
    let kind: SourceKind
    let name: String
    let object = "source"
    let webhookURL: String

    init(source: ShopSource, baseURL: String) {
        createdAt = source.createdAt
        id = source.id
        kind = source.kind
        name = source.name
        webhookURL = baseURL + SiteURL.source(source).path
    }
}
