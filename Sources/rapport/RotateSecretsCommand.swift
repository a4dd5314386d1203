import ArgumentParser
import Crypto
import Foundation
import RapportStore

struct RotateSecretsCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rotate",
        abstract: "Seal every stored secret with a new key. With a key file, the file gets the new key first (older keys stay below it, for backups); with RAPPORT_SECRET_KEY, give the new key and then set it.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The new key, 32 bytes in base64 (`openssl rand -base64 32`); needed when RAPPORT_SECRET_KEY is set")
    var newKey: String?

    func run() async throws {
        let logger = CommandLogging.makeLogger("rapport")
        let url = try database.url()
        if let newKey {
            guard let data = Data(base64Encoded: newKey), data.count == 32 else { throw ValidationError("--new-key must be 32 bytes in base64.") }
            let store = try await database.openMigrated(logger: logger)
            let box = SecretBox(current: SymmetricKey(data: data))
            let sealed = try await store.resealSecrets(with: box)
            await store.shutdown()
            print("Sealed \(sealed) secrets with key \(box.currentKeyID). Now set RAPPORT_SECRET_KEY to the new key (and RAPPORT_SECRET_KEY_PREVIOUS to the old one while servers restart).")
            return
        }
        let store = try await database.openMigrated(logger: logger)
        await store.shutdown()
        let (keyID, sealed) = try await SQLDataStore.rotateKeyFile(for: url, logger: logger)
        print("Sealed \(sealed) secrets with the new key \(keyID); restart servers to take it up.")
    }
}
