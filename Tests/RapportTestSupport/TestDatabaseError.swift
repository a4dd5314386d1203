public enum TestDatabaseError: Error {
    case postgresNotConfigured
}
