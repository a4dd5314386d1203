extension Migration {
    /// A survey answered in web chat without a comment asks for the reason (issue 24): the
    /// bot's message that asked, so the visitor's next message is taken as the comment only
    /// while it is the conversation's latest.
    static let surveyCommentPrompts = Migration(version: 46, name: "survey comment prompts") { _ in
        ["ALTER TABLE surveys ADD COLUMN comment_prompt_message_id TEXT"]
    }
}
