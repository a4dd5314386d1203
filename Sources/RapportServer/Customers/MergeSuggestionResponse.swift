import Foundation
import RapportCore

struct MergeSuggestionResponse: Encodable {
    let candidateID: String
    let createdAt: Date
    let customerID: String
    let id: String
    let identityKind: IdentityKind
    let identityValue: String
    let object = "merge_suggestion"
    let reason: String

    init(_ suggestion: MergeSuggestion) {
        candidateID = suggestion.candidateID
        createdAt = suggestion.createdAt
        customerID = suggestion.customerID
        id = suggestion.id
        identityKind = suggestion.identityKind
        identityValue = suggestion.identityValue
        reason = suggestion.reason
    }
}
