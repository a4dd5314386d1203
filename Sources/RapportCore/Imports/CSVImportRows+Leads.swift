extension CSVImportRows {
    /// Leads, one a row: the person's e-mail or phone (one is needed) and name, their company
    /// (`company`, `company_domain`) and `role` there, what they asked about (`title`) and the
    /// `campaign` (a trade fair, a list). A row without a way to find the person is rejected.
    public static func leads(
        _ records: [(line: Int, fields: [String])], columns: CSVColumns
    ) -> (rows: [ImportRow<LeadEnquiry>], rejected: [ImportRejection]) {
        var rows: [ImportRow<LeadEnquiry>] = []
        var rejected: [ImportRejection] = []
        for record in records {
            let value = { (field: String) in columns.value(field, in: record.fields) }
            guard value("email") != nil || value("phone") != nil else {
                rejected.append(ImportRejection(line: record.line, reason: "no email or phone: a lead is a person Rapport can find"))
                continue
            }
            rows.append(ImportRow(line: record.line, input: LeadEnquiry(
                email: value("email"), phone: value("phone"), firstName: value("first_name"), lastName: value("last_name"),
                companyName: value("company"), companyDomain: value("company_domain"), role: value("role"), source: .import,
                campaign: value("campaign"), title: value("title"))))
        }
        return (rows, rejected)
    }
}
