/// Hashes passwords slowly on purpose (bcrypt) and checks them against a stored hash.
public protocol PasswordHasher: Sendable {
    func hash(_ password: String) -> String
    func verify(_ password: String, hash: String) -> Bool
}
