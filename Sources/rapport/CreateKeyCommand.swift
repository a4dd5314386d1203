import ArgumentParser
import RapportCore
import RapportServer

struct CreateKeyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create", abstract: "Create an API key; the key is printed alone on the last line.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "A name that says who or what uses the key")
    var name: String

    @Option(help: "secret (the whole API), browser (tracking calls from web pages and apps, public: its calls are only asserted; `write` is the same) or server (tracking calls from the shop's back end, kept secret: its calls are trusted)")
    var kind: APIKeyKind = .secret

    @Option(help: "Workspace id (default: the default workspace)")
    var workspace: String?

    func run() async throws {
        let (services, workspaceID) = try await database.openServices(workspace: workspace)
        let issued = try await services.keys.create(name: name, kind: kind, as: .operator(workspaceID: workspaceID))
        print("Created \(kind.name) key \(issued.key.id) (\(issued.key.name)) in \(workspaceID). It is shown only now:")
        print(issued.secret)
        await services.store.shutdown()
    }
}

extension APIKeyKind: ExpressibleByArgument {
    public init?(argument: String) { self.init(name: argument) }
    public static var allValueStrings: [String] { ["secret", "browser", "server"] }
}
