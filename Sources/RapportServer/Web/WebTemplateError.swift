/// A template the build should contain is not there.
enum WebTemplateError: Error, CustomStringConvertible {
    case missing(String)

    var description: String {
        switch self {
        case .missing(let name): "The web template \(name) is missing from the build's resources."
        }
    }
}
