/// Signs the links Rapport gives customers (the preference centre, unsubscribing), so a link
/// cannot be made up or altered. The key is the installation's secret.
public protocol LinkSigner: Sendable {
    /// The signature of `text`, URL-safe.
    func signature(of text: String) -> String
    /// Whether `signature` is one this installation made of `text` (with its current key or
    /// one it kept), compared in constant time.
    func isValid(_ signature: String, of text: String) -> Bool
    /// Whether `prefix` is the start of a signature this installation made of `text` (with its
    /// current key or one it kept), for links too short to carry a whole one.
    func isValid(prefix: String, of text: String) -> Bool
}
