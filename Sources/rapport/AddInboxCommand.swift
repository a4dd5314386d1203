import ArgumentParser
import RapportCore
import RapportServer

struct AddInboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Create an inbox; the URL to give the provider is printed alone on the last line.",
        discussion: """
            Channel settings are given as --setting KEY=VALUE (repeatable). Required per channel:
              whatsapp: phone_number_id, access_token, app_secret, verify_token
              messenger, instagram: page_id, page_access_token, app_secret, verify_token
              sms, voice: account_sid, auth_token, phone_number
              email: address, smtp_host (and smtp_port, smtp_username, smtp_password, smtp_security)
              webchat: identity_secret (at least 24 random characters)
              store: none
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var publicURL: PublicURLOption

    @Argument(help: "The channel: \(InboxChannel.allCases.map(\.rawValue).joined(separator: ", "))")
    var channel: InboxChannel

    @Option(help: "The inbox's name, as agents see it")
    var name: String

    @Option(name: .customLong("setting"), help: "A channel setting, KEY=VALUE (repeatable)")
    var settings: [String] = []

    @Option(help: "The team its conversations go to (tea_…)")
    var team: String?

    @Option(help: "Workspace id (default: the default workspace)")
    var workspace: String?

    func run() async throws {
        var values: [String: String] = [:]
        for setting in settings {
            let parts = setting.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { throw ValidationError("--setting takes KEY=VALUE, not \(setting)") }
            values[String(parts[0])] = String(parts[1])
        }
        let inbox = try await database.withServices(workspace: workspace) { services, workspaceID in
            try await services.inboxes.createInbox(channel: channel, name: name, settings: values, teamID: team, as: .operator(workspaceID: workspaceID))
        }
        print("Created \(channel.rawValue) inbox \(inbox.id) (\(inbox.name)). Give the provider this URL:")
        print(publicURL.base + SiteURL.inbox(inbox).path)
    }
}

extension InboxChannel: ExpressibleByArgument {}
