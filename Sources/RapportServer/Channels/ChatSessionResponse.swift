import Foundation
import RapportCore

/// A web-chat visitor's session: who they are to Rapport, and the token their widget sends.
struct ChatSessionResponse: Encodable {
    let contact: String
    let token: String
    let expiresAt: Date
}
