/// Text for a LIKE pattern written with `ESCAPE '\'`: `%`, `_` and `\` taken literally.
enum LikePattern {
    static func escaped(_ text: some StringProtocol) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
    }
}
