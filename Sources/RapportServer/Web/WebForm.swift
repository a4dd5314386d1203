import Foundation
import Hummingbird
import RapportChannels
import RapportCore

/// A submitted form of the web workspace. Reading one checks its `_csrf` field against the
/// signed-in session, so no handler can take a form without the check.
struct WebForm: Sendable {
    /// Forms are small; a bigger body is refused.
    static let maximumSize = 64 * 1024
    let fields: [(String, String)]

    subscript(_ name: String) -> String? {
        fields.first { $0.0 == name }?.1
    }

    /// The form as a typed value (`WebFormDecoder`'s rules); a field that does not parse is a 422.
    func decode<Value: Decodable>(_ type: Value.Type) throws -> Value {
        try WebFormDecoder.decode(type, from: fields)
    }

    static func read(_ request: Request, context: some WorkspaceRequestContext, checkingCSRF: Bool = true) async throws -> WebForm {
        var request = request
        let buffer = try await request.collectBody(upTo: maximumSize)
        let form = WebForm(fields: FormBody.parse(String(buffer: buffer)))
        if checkingCSRF {
            guard let expected = context.signedIn?.session.csrfToken,
                WebhookSignature.constantTimeEquals(form["_csrf"] ?? "", expected)
            else {
                throw RapportError.forbidden("This form has expired. Go back, reload the page and send it again.")
            }
        }
        return form
    }
}
