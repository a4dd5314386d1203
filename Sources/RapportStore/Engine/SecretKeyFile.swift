import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where the installation's secret key comes from, and the key file made on first start.
/// The file holds one key per line in base64, the current one first; a rotation adds the new
/// key on top and keeps the old ones below (they still open values sealed before).
enum SecretKeyFile {
    /// The box for a database: from the environment, or from the key file (created if absent).
    static func box(for url: DatabaseURL, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SecretBox {
        let previous = (environment["RAPPORT_SECRET_KEY_PREVIOUS"] ?? "").split(separator: ",").compactMap { key(from: String($0)) }
        if let given = environment["RAPPORT_SECRET_KEY"] {
            guard let current = key(from: given) else {
                throw SecretBoxError.unreadable("RAPPORT_SECRET_KEY must be 32 bytes in base64 (`openssl rand -base64 32`).")
            }
            return SecretBox(current: current, previous: previous)
        }
        let keys = try readOrCreate(path: path(for: url, environment: environment))
        return SecretBox(current: keys[0], previous: Array(keys.dropFirst()) + previous)
    }

    static func path(for url: DatabaseURL, environment: [String: String]) -> String {
        if let given = environment["RAPPORT_SECRET_KEY_FILE"], !given.isEmpty { return given }
        if case .sqlite(let path) = url { return path + ".key" }
        return "rapport.key"
    }

    static func key(from text: String) -> SymmetricKey? {
        guard let data = Data(base64Encoded: text.trimmingCharacters(in: .whitespacesAndNewlines)), data.count == 32 else { return nil }
        return SymmetricKey(data: data)
    }

    static func line(_ key: SymmetricKey) -> String {
        key.withUnsafeBytes { Data($0).base64EncodedString() }
    }

    /// The keys in the file, current first; a new file with a new key when there is none. The
    /// file is written aside and linked into place, so two processes starting at once agree on
    /// one key.
    static func readOrCreate(path: String) throws -> [SymmetricKey] {
        if let existing = try? String(contentsOfFile: path, encoding: .utf8) {
            let keys = existing.split(whereSeparator: \.isNewline).compactMap { key(from: String($0)) }
            guard !keys.isEmpty else { throw SecretBoxError.unreadable("The key file \(path) holds no key.") }
            return keys
        }
        try write([SymmetricKey(size: .bits256)], to: path, replacing: false)
        return try readOrCreate(path: path)
    }

    /// Writes the keys with mode 0600: a new file only where none exists (`replacing` false),
    /// or in place of the old one.
    static func write(_ keys: [SymmetricKey], to path: String, replacing: Bool) throws {
        let temporary = path + ".tmp-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        let text = keys.map(line).joined(separator: "\n") + "\n"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw SecretBoxError.unreadable("The key file \(path) could not be written (errno \(errno)).") }
        let written = text.utf8CString.withUnsafeBufferPointer { buffer in Glibc.write(descriptor, buffer.baseAddress, buffer.count - 1) }
        fsync(descriptor)
        close(descriptor)
        guard written == text.utf8.count else {
            unlink(temporary)
            throw SecretBoxError.unreadable("The key file \(path) could not be written.")
        }
        defer { unlink(temporary) }
        if replacing {
            guard rename(temporary, path) == 0 else { throw SecretBoxError.unreadable("The key file \(path) could not be replaced (errno \(errno)).") }
        } else if link(temporary, path) != 0, errno != EEXIST {
            throw SecretBoxError.unreadable("The key file \(path) could not be created (errno \(errno)).")
        }
    }
}
