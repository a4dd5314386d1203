import Foundation
import RapportCore

/// The forms of the customer pages, as `WebFormDecoder` reads them.
extension CustomerPages {
    /// A tag to add or remove, as typed.
    struct TagForm: Decodable {
        let tag: String
    }

    /// An attribute to set: `key` and `value`, an empty value removing it. `type` is `number` or
    /// `boolean` to store the value as one; anything else (`text`, or nothing) keeps it as text.
    struct AttributeForm: Decodable {
        let key: String?
        let value: String?
        let type: String
    }

    /// A first message to the customer, from one of the inboxes that can reach them.
    struct WriteForm: Decodable {
        let inboxID: String
        /// The message as typed, shown again when it is refused.
        let text: String

        /// The message to send: trimmed, nil when blank.
        var reply: String? {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// The customer to merge into this one.
    struct MergeForm: Decodable {
        let from: String
    }

    /// The merge to undo; nil undoes the latest.
    struct UnmergeForm: Decodable {
        let mergeID: String?
    }

    /// What the customer told an agent about one purpose and channel.
    struct ConsentForm: Decodable {
        let purpose: String
        let channel: String
        let status: String
    }

    /// The erasure form: what becomes of the orders, and the typed confirmation.
    struct EraseForm: Decodable {
        let orders: ErasedOrders?
        let confirm: String?
    }
}
