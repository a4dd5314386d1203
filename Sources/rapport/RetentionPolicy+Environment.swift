import ArgumentParser
import RapportCore

extension RetentionPolicy {
    /// The policy the environment sets, or the command refuses to start with the reason.
    static func checked(_ environment: [String: String]) throws -> RetentionPolicy {
        do {
            return try RetentionPolicy.from(environment: environment)
        } catch RapportError.invalid(let problems) {
            throw ValidationError(problems.map { "\($0.field) \($0.message)" }.joined(separator: "; "))
        }
    }
}
