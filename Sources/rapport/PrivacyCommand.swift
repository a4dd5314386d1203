import ArgumentParser

struct PrivacyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "privacy", abstract: "A customer's data-subject rights: export everything held on them, or erase them.",
        subcommands: [PrivacyExportCommand.self, PrivacyEraseCommand.self])
}
