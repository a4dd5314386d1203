import Hummingbird
import RapportCore

/// What travels with one request: the authenticated key (and so the workspace) and the request id.
public struct RapportRequestContext: RequestContext {
    /// Bodies over 1 MiB are refused with 413.
    public static let maximumBodySize = 1 << 20

    public var coreContext: CoreRequestContextStorage
    public var apiKey: APIKey?
    public var requestID: String

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.requestID = ""
    }

    public var maxUploadSize: Int { Self.maximumBodySize }

    /// The workspace of the authenticated key; routes behind the authentication middleware always have one.
    public func workspaceID() throws -> String {
        guard let apiKey else { throw RapportError.unauthorized("Send an API key as Authorization: Bearer rpk_….") }
        return apiKey.workspaceID
    }

    /// `api_key:key_…`, recorded as the actor of merges.
    public var actor: String { apiKey.map { "api_key:\($0.id)" } ?? "anonymous" }
}
