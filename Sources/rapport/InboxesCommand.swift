import ArgumentParser

struct InboxesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inboxes", abstract: "Connect channel accounts (WhatsApp, Messenger, Instagram, SMS, voice, email, web chat, store).",
        subcommands: [AddInboxCommand.self, ListInboxesCommand.self])
}
