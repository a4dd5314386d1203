import Foundation
import RapportCore

struct MergeSuggestionResponse: Encodable {
    var object = "merge_suggestion"
    var id: String
    var customerId: String
    var candidateId: String
    var identityKind: IdentityKind
    var identityValue: String
    var reason: String
    var createdAt: Date

    init(_ suggestion: MergeSuggestion) {
        id = suggestion.id
        customerId = suggestion.customerID
        candidateId = suggestion.candidateID
        identityKind = suggestion.identityKind
        identityValue = suggestion.identityValue
        reason = suggestion.reason
        createdAt = suggestion.createdAt
    }
}
