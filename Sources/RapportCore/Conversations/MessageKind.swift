/// What a message carries. `unsupported` keeps a provider message Rapport cannot read yet,
/// with its raw payload, rather than dropping it.
public enum MessageKind: String, Sendable, Codable, CaseIterable {
    case text, image, audio, video, document, sticker, location, reaction, contacts, template, call, unsupported
}
