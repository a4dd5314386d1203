import Crypto
import Foundation
import Logging
import RapportCore
import SQLKit

extension SQLDataStore {
    /// Seals every stored secret again with `box`'s current key (opening each with the keys
    /// this store knows), in one transaction; returns how many values were sealed. Values
    /// stored in the clear before sealing existed are sealed too.
    public func resealSecrets(with box: SecretBox) async throws -> Int {
        let old = secrets
        return try await write { session in
            guard let handle = (session as? SQLStoreSession)?.handle else { return 0 }
            var count = 0
            for row in try await handle.sql.raw("SELECT id, secret FROM sources").all() {
                let plain = try old.open(try row.string("secret"))
                try await handle.sql.raw("UPDATE sources SET secret = \(bind: try box.seal(plain)) WHERE id = \(bind: try row.string("id"))").run()
                count += 1
            }
            for row in try await handle.sql.raw("SELECT id, secret FROM webhook_subscriptions").all() {
                let plain = try old.open(try row.string("secret"))
                try await handle.sql.raw(
                    "UPDATE webhook_subscriptions SET secret = \(bind: try box.seal(plain)) WHERE id = \(bind: try row.string("id"))").run()
                count += 1
            }
            for row in try await handle.sql.raw("SELECT id, settings FROM inboxes").all() {
                var settings = try StoredJSON.decode([String: String].self, from: try row.string("settings"))
                for (key, value) in settings where InboxSetting.isSecret(key) {
                    settings[key] = try box.seal(try old.open(value))
                    count += 1
                }
                try await handle.sql.raw(
                    "UPDATE inboxes SET settings = \(bind: try StoredJSON.encode(settings)) WHERE id = \(bind: try row.string("id"))").run()
            }
            return count
        }
    }

    /// A new key for the installation's key file: every secret is sealed with it, and the file
    /// then names it first (the old keys stay below it, for backups taken before). Returns the
    /// new key's id and how many values were sealed.
    public static func rotateKeyFile(for url: DatabaseURL, logger: Logger) async throws -> (keyID: String, sealed: Int) {
        let environment = ProcessInfo.processInfo.environment
        guard environment["RAPPORT_SECRET_KEY"] == nil else {
            throw SecretBoxError.unreadable(
                "RAPPORT_SECRET_KEY is set: seal with a new key by running `rapport secrets rotate --new-key KEY`, then set RAPPORT_SECRET_KEY to it and RAPPORT_SECRET_KEY_PREVIOUS to the old one.")
        }
        let path = SecretKeyFile.path(for: url, environment: environment)
        let keys = try SecretKeyFile.readOrCreate(path: path)
        let fresh = SymmetricKey(size: .bits256)
        let box = SecretBox(current: fresh, previous: keys)
        let store = try await open(url, logger: logger)
        do {
            let sealed = try await store.resealSecrets(with: box)
            try SecretKeyFile.write([fresh] + keys, to: path, replacing: true)
            await store.shutdown()
            return (box.currentKeyID, sealed)
        } catch {
            await store.shutdown()
            throw error
        }
    }
}
