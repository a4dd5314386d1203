/// The open conversation (`inbox_thread`): its head with the SLA clocks, the actions, the
/// messages, the composer (with a refused message kept as a draft), and the customer beside it.
struct InboxThreadView: TemplateView {
    /// One message of the thread, with its delivery tick, attachments and sentiment.
    struct Message: TemplateView {
        /// A file that came with the message; `url` only for an http(s) link.
        struct Attachment: TemplateView {
            let name: String
            let url: String?
            let type: String
        }

        let id: String
        let text: String
        /// `incoming`, `outgoing` or `note`.
        let kind: String
        let note: Bool
        let author: String
        let when: String
        let whenISO: String
        /// The delivery mark of an outgoing message, with its words and state.
        let tick: String?
        let tickWords: String?
        let tickState: String?
        let failure: String?
        let attachments: [Attachment]
        let mood: MoodView?
    }

    /// An SLA clock still running: which one, when it is due, and whether it is late.
    struct Due: TemplateView {
        let words: String
        let due: String
        let late: Bool
    }

    /// An agent of the assignee select.
    struct Agent: TemplateView {
        let id: String
        let name: String
        let selected: Bool
    }

    /// A choice of the snooze select.
    struct SnoozeChoice: TemplateView {
        let value: String
        let words: String
    }

    /// A canned response the composer offers after `/`.
    struct Canned: TemplateView {
        let code: String
        let content: String
    }

    let id: String
    let name: String
    let contact: String
    let channel: String
    let channelName: String
    let channelBadge: String
    let subject: String?
    let status: String
    let resolved: Bool
    let snoozedUntil: String?
    let priority: String
    let labels: [String]
    let assignee: String?
    /// Assigned to the signed-in user.
    let mine: Bool
    let canWork: Bool
    let messages: [Message]
    let sla: [Due]
    /// The SLA clocks missed, `first_response, resolution`.
    let breaches: String?
    let agents: [Agent]
    let priorities: [ChoiceView]
    let snoozeChoices: [SnoozeChoice]
    let canned: [Canned]
    /// A message the composer could not send: its text, why, and whether it was a note.
    let draftText: String?
    let draftError: String?
    let draftNote: Bool
    /// The list's filters and page, carried back by every form.
    let query: String
    let customer: CustomerSidebarView
    /// An example of the variables the composer fills in, shown as typed.
    let variablesHint: String
}
