import RapportCore

/// What Rapport keeps of an id it must not keep: the SHA-256 of `workspace:id`. Enough to
/// answer "was this erased?" and to chain audit entries; not enough to recover the id.
enum SubjectDigest {
    static func of(_ id: String, workspaceID: String) -> String {
        SHA256SecretHasher().hash(workspaceID + ":" + id)
    }
}
