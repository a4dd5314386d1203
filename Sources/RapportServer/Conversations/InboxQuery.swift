import Foundation
import Hummingbird
import RapportCore

/// The inbox list's filters as the address bar carries them: `view` (all, mine, unassigned),
/// `status`, `channel`, `label`, `team`, `segment` (the customers' segment or list). Unknown
/// values fall back to the defaults.
struct InboxQuery: Sendable, Equatable {
    enum View: String, CaseIterable, Sendable { case all, mine, unassigned }

    var view: View = .all
    var status: ConversationStatus = .open
    var channel: InboxChannel?
    var label: String?
    var teamID: String?
    /// Only conversations with members of this segment or list (`InboxViews` drops an id that
    /// names none of the workspace's).
    var segmentID: String?
    /// The last conversation of the previous page (the list's "more" link).
    var after: String?

    init(_ request: Request) {
        let query = request.uri.queryParameters
        view = query["view"].flatMap { View(rawValue: String($0)) } ?? .all
        status = query["status"].flatMap { ConversationStatus(rawValue: String($0)) } ?? .open
        channel = query["channel"].flatMap { InboxChannel(rawValue: String($0)) }
        label = query["label"].map { String($0).trimmingCharacters(in: .whitespaces).lowercased() }.flatMap { $0.isEmpty ? nil : String($0.prefix(50)) }
        teamID = query["team"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .team) ? $0 : nil }
        segmentID = query["segment"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .segment) ? $0 : nil }
        after = query["after"].map(String.init).flatMap { ResourceID.isValid($0, prefix: .conversation) ? $0 : nil }
    }

    init(view: View = .all, status: ConversationStatus = .open) {
        self.view = view
        self.status = status
    }

    func filter(userID: String?) -> ConversationFilter {
        ConversationFilter(
            status: status, assigneeID: view == .mine ? userID ?? "" : nil, unassigned: view == .unassigned, teamID: teamID,
            label: label, channel: channel, segmentID: segmentID)
    }

    /// The same filters, for the count beside each view (status stays, view is counted).
    var countingFilter: ConversationFilter {
        ConversationFilter(teamID: teamID, label: label, channel: channel, segmentID: segmentID)
    }

    /// The filters and the page the list is on: what links back to this very list carry.
    var pageString: String {
        string() + (after.map { "&after=\($0)" } ?? "")
    }

    /// `?view=mine&status=open…`, with one filter changed (and back on the first page).
    func string(view: View? = nil, status: ConversationStatus? = nil) -> String {
        var fields = [("view", (view ?? self.view).rawValue), ("status", (status ?? self.status).rawValue)]
        if let channel { fields.append(("channel", channel.rawValue)) }
        if let label { fields.append(("label", label)) }
        if let teamID { fields.append(("team", teamID)) }
        if let segmentID { fields.append(("segment", segmentID)) }
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return "?" + fields.map { "\($0.0)=\($0.1.addingPercentEncoding(withAllowedCharacters: allowed) ?? "")" }.joined(separator: "&")
    }
}
