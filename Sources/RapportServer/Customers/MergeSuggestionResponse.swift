import Foundation
import RapportCore

struct MergeSuggestionResponse: JSONWritable {
    var suggestion: MergeSuggestion

    init(_ suggestion: MergeSuggestion) {
        self.suggestion = suggestion
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.key("candidate_id"); writer.string(suggestion.candidateID)
        writer.key("created_at"); writer.timestamp(suggestion.createdAt)
        writer.key("customer_id"); writer.string(suggestion.customerID)
        writer.key("id"); writer.string(suggestion.id)
        writer.key("identity_kind"); writer.string(suggestion.identityKind.rawValue)
        writer.key("identity_value"); writer.string(suggestion.identityValue)
        writer.key("object"); writer.string("merge_suggestion")
        writer.key("reason"); writer.string(suggestion.reason)
        writer.endObject()
    }
}
