import ArgumentParser
import Foundation
import RapportCore
import RapportServer

struct AuditVerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Recompute every workspace's audit chain; exit 0 when intact, 1 naming the first altered, missing or added entry.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        let (services, _) = try await database.openServices()
        let result: AuditVerification
        do {
            result = try await services.audit.verify()
        } catch {
            await services.store.shutdown()
            throw error
        }
        await services.store.shutdown()
        if let broken = result.firstBreak {
            FileHandle.standardError.write(Data("audit chain broken: \(broken)\n".utf8))
            throw ExitCode(1)
        }
        print("audit chain intact: \(result.entries) entries in \(result.workspaces) workspace(s)")
        for head in result.heads {
            print("  \(head.workspaceID) head position \(head.position) hash \(head.hash)")
        }
    }
}
