/// Random secrets for keys and signing: letters and digits from the system's secure generator.
public enum RandomSecret {
    private static let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

    public static func make(prefix: String, length: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        return prefix + String((0..<length).map { _ in alphabet.randomElement(using: &generator) ?? "0" })
    }
}
