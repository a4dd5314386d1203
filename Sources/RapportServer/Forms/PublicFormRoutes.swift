import Foundation
import Hummingbird
import RapportCore

/// What the shop's pages read without a key: the snippet (`/form.js`) and a live form's
/// questions (`/f/{workspace}/{form}`, readable from any origin, no credentials).
struct PublicFormRoutes {
    let forms: FormService

    /// The snippet a shop's page embeds to show a form or quiz and send its answers.
    static let snippet = BundledScript(resource: "form")

    func register(on group: RouterGroup<RapportRequestContext>) {
        group.get("form.js") { _, _ in Self.snippet.response }
        group.get("f/:workspace/:form") { _, context in
            let workspaceID = try context.parameters.require("workspace")
            let formID = try PathID.require(context, .form, "form", parameter: "form")
            var response = try JSONResponse.make(PublicFormResource(try await forms.published(id: formID, workspaceID: workspaceID)))
            response.headers[.accessControlAllowOrigin] = "*"
            response.headers[.cacheControl] = "public, max-age=60"
            return response
        }
    }
}
