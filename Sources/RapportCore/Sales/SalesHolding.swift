/// Who may change what the sales team holds (a deal, a lead, a company): admins and managers
/// anything; an agent (a rep) their own, their team's, and what neither a user nor a team holds.
enum SalesHolding {
    /// `records`: what is refused, in the plural ("deals").
    static func requireMayChange(ownerID: String?, teamID: String?, as actor: Actor, records: String) throws {
        guard actor.role == .agent else { return }
        if ownerID.map({ $0 == actor.userID }) == true || teamID.map(actor.teamIDs.contains) == true { return }
        if ownerID == nil && teamID == nil { return }
        throw RapportError.forbidden("An agent may change only their own \(records), their team's and those no one holds.")
    }
}
