import ArgumentParser

struct UsersCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "users", abstract: "People who sign in: admins, managers, agents and marketers.",
        subcommands: [CreateUserCommand.self])
}
