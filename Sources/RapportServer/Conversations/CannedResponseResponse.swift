import Foundation
import RapportCore

struct CannedResponseResponse: Encodable {
    let content: String
    let createdAt: Date
    let id: String
    let object = "canned_response"
    let shortCode: String

    init(_ response: CannedResponse) {
        content = response.content
        createdAt = response.createdAt
        id = response.id
        shortCode = response.shortCode
    }
}
