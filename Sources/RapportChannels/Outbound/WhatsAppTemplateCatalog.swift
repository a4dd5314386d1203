import Foundation
import RapportCore

/// Lists a WhatsApp Business Account's message templates from the Graph API:
/// `GET /{version}/{waba_id}/message_templates` with the inbox's access token, page after page
/// through `paging.next`. A next page is followed only on the scheme, host and port of the
/// first request (a token never goes to a host the admin did not configure), and at most
/// `maximumPages` pages are read: the templates past them are left out.
public struct WhatsAppTemplateCatalog: WhatsAppTemplateDirectory {
    /// Templates asked for per page.
    public static let pageSize = 25
    /// Pages read at most, so a paging loop ends.
    public static let maximumPages = 40
    /// The fields each template is read with.
    static let fields = "name,language,status,category,components,parameter_format"

    let http: OutboundHTTP

    public init(http: OutboundHTTP) {
        self.http = http
    }

    public func templates(of inbox: Inbox) async throws -> [WhatsAppTemplate] {
        let first = Self.firstPageURL(base: inbox[.apiBaseURL] ?? WhatsAppSender.graphBaseURL, account: inbox[.whatsappBusinessAccountID] ?? "")
        let headers = [("Authorization", "Bearer \(inbox[.accessToken] ?? "")"), ("Accept", "application/json")]
        var templates: [WhatsAppTemplate] = []
        var url: String? = first
        var pagesRead = 0
        while let current = url, pagesRead < Self.maximumPages {
            let page = try await readPage(at: current, headers: headers)
            templates += page.templates
            pagesRead += 1
            if let next = page.next, pagesRead < Self.maximumPages, !Self.isSameOrigin(next, as: first) {
                throw JobFailure.permanent(
                    "WhatsApp's next page of templates is at \(Self.origin(of: next) ?? String(next.prefix(100))), not at \(Self.origin(of: first) ?? first): Rapport sends the access token to no other host")
            }
            url = page.next
        }
        return templates
    }

    /// The first page's URL: the account's templates with the fields Rapport reads, 25 a page,
    /// so that a page of rich templates stays within what Rapport reads of an answer.
    static func firstPageURL(base: String, account: String) -> String {
        let trimmed = base.hasSuffix("/") ? String(base.dropLast()) : base
        return "\(trimmed)/\(WhatsAppSender.graphVersion)/\(account)/message_templates?fields=\(fields)&limit=\(pageSize)"
    }

    /// Whether `url` has the scheme, host and port of `reference` (a missing port being the
    /// scheme's own).
    static func isSameOrigin(_ url: String, as reference: String) -> Bool {
        guard let found = Self.origin(of: url) else { return false }
        return found == Self.origin(of: reference)
    }

    /// `scheme://host:port` of an http or https URL, in small letters; nil for anything else.
    static func origin(of url: String) -> String? {
        guard let components = URLComponents(string: url), let scheme = components.scheme?.lowercased(), scheme == "http" || scheme == "https",
            let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        return "\(scheme)://\(host):\(components.port ?? (scheme == "https" ? 443 : 80))"
    }

    private func readPage(at url: String, headers: [(String, String)]) async throws -> WhatsAppTemplatePage {
        let answer: OutboundHTTP.Answer
        do {
            answer = try await http.get(url, headers: headers)
        } catch {
            throw ProviderAnswer.unreachable(provider: "WhatsApp", error)
        }
        guard (200..<300).contains(answer.status) else {
            throw ProviderAnswer.failure(provider: "WhatsApp", status: answer.status, body: answer.body)
        }
        // The answer is cut at the size cap: a page that reaches it cannot be whole.
        guard answer.body.utf8.count < OutboundHTTP.bodyLimit else {
            throw JobFailure.permanent(
                "WhatsApp's page of \(Self.pageSize) templates is larger than the \(OutboundHTTP.bodyLimit / 1024) KiB Rapport reads of an answer")
        }
        guard let page = WhatsAppTemplatePage(json: answer.body) else {
            throw JobFailure.retry("WhatsApp answered without a list of templates: \(answer.body.prefix(200))")
        }
        return page
    }
}
