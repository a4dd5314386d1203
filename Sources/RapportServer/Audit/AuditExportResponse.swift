/// The audit log as one document: every entry, oldest first, with the chain's hashes.
struct AuditExportResponse: Encodable {
    let data: [AuditEntryResponse]
    let object = "audit_log"
}
