import Foundation
import Hummingbird
import RapportCore

/// Reads the conversation endpoints' query strings and bodies into Core's inputs.
enum ConversationRequests {
    static func filter(_ request: Request) throws -> ConversationFilter {
        let query = request.uri.queryParameters
        var filter = ConversationFilter()
        if let status = query.get("status") {
            guard let value = ConversationStatus(rawValue: status) else {
                throw RapportError.invalid(field: "status", "must be one of \(ConversationStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            filter.status = value
        }
        filter.inboxID = try id(query.get("inbox_id"), .inbox, "inbox_id")
        filter.customerID = try id(query.get("customer_id"), .customer, "customer_id")
        filter.teamID = try id(query.get("team_id"), .team, "team_id")
        // The customers' segment or list; Core refuses one that is not the workspace's.
        filter.segmentID = try id(query.get("segment"), .segment, "segment")
        if let assignee = query.get("assignee_id") {
            if assignee == "none" { filter.unassigned = true } else { filter.assigneeID = try id(assignee, .user, "assignee_id") }
        }
        if let label = query.get("label") {
            guard !label.isEmpty, label.count <= 50 else { throw RapportError.invalid(field: "label", "must be 1 to 50 characters") }
            filter.label = label.lowercased()
        }
        return filter
    }

    private static func id(_ text: String?, _ prefix: IDPrefix, _ field: String) throws -> String? {
        guard let text else { return nil }
        guard ResourceID.isValid(text, prefix: prefix) else { throw RapportError.invalid(field: field, "is not a \(prefix.rawValue)_ id") }
        return text
    }

    /// `{text, private, canned_response_id, template: {name, language, parameters}, order_id, author_id, attachments,
    /// purpose}`; `purpose` (`marketing`, `surveys`, …) marks a message that needs the customer's consent.
    static func reply(_ body: inout JSONObjectReader) -> ReplyInput {
        var input = ReplyInput()
        input.text = body.string("text", maxLength: 20_000)
        input.isPrivate = body.bool("private") ?? false
        input.cannedResponseID = body.string("canned_response_id", maxLength: 64)
        input.orderID = body.string("order_id", maxLength: 64)
        input.authorID = body.string("author_id", maxLength: 64)
        if let purpose = body.string("purpose", maxLength: 40) {
            if ConsentPurpose.isValid(purpose) {
                input.purpose = ConsentPurpose(rawValue: purpose)
            } else {
                body.fail("purpose", "must be 1 to 40 characters of a-z, 0-9 and _ (marketing, surveys, …)")
            }
        }
        if let value = body.any("template"), value != .null {
            input.template = body.nested(value, at: "template") { reader in
                let name = reader.requiredString("name", maxLength: 512)
                let language = reader.requiredString("language", maxLength: 15)
                let parameters = reader.stringArray("parameters") ?? []
                return TemplateMessage(name: name ?? "", language: language ?? "", parameters: parameters)
            }
        }
        for (index, item) in (body.array("attachments") ?? []).enumerated() {
            if let file = body.nested(item, at: "attachments[\(index)]", { reader in
                let type = reader.requiredString("type", maxLength: 32)
                let url = reader.string("url", maxLength: 2000)
                let mime = reader.string("mime_type", maxLength: 200)
                let filename = reader.string("filename", maxLength: 300)
                return Attachment(type: type ?? "file", url: url, mimeType: mime, filename: filename)
            }) {
                input.attachments.append(file)
            }
        }
        return input
    }
}
