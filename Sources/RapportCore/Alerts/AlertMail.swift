/// An alert's e-mail to its user: to whom, from which inbox, what it says (`{link}` in the
/// text stands for the workspace address the sender knows).
public struct AlertMail: Sendable {
    public var alert: Alert
    public var address: String
    public var inbox: Inbox
    public var subject: String
    public var text: String

    /// The text with `{link}` made the workspace address the mail points to.
    public func text(linkingTo link: String) -> String {
        text.replacingOccurrences(of: "{link}", with: link)
    }
}
