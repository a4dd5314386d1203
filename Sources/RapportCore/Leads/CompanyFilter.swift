/// Which companies a list shows, newest first: by the start of their name or domain, by owner.
public struct CompanyFilter: Sendable, Equatable {
    public var query: String?
    public var ownerID: String?

    public init(query: String? = nil, ownerID: String? = nil) {
        self.query = query
        self.ownerID = ownerID
    }
}
