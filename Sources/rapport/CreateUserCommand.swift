import ArgumentParser
import RapportCore
import RapportServer

struct CreateUserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a user; without --password a password is generated and printed alone on the last line (shown once).")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The user's e-mail address (their sign-in name)")
    var email: String

    @Option(help: "admin, manager, agent or marketer")
    var role: UserRole

    @Option(help: "At least 12 characters; generated when left out")
    var password: String?

    @Option(help: "The name colleagues see (default: the e-mail's local part)")
    var name: String?

    @Option(help: "A team (tea_…) the user joins; repeatable")
    var team: [String] = []

    @Option(help: "Workspace id (default: the default workspace)")
    var workspace: String?

    func run() async throws {
        let (user, generated) = try await database.withServices(workspace: workspace) { services, workspaceID in
            try await services.users.create(
                email: email, name: name, role: role, password: password, teamIDs: team, as: .operator(workspaceID: workspaceID))
        }
        print("Created \(user.role.rawValue) \(user.email) (\(user.id)).")
        if let generated {
            print("Their password, shown this once:")
            print(generated)
        }
    }
}

extension UserRole: ExpressibleByArgument {}
