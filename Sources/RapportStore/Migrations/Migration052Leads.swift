extension Migration {
    /// Sales, the leads step (ADR 0015): companies (the store's business accounts, a domain unique
    /// per workspace when given) with their people (customers, a role, one primary), and leads — a
    /// sales view of a profile: where it came from, owner, team, status and the deal it became.
    /// A lead and a company role are the customer's and go with their erasure; a deal keeps
    /// naming its company and loses its lead (`lead_id` null).
    static let leads = Migration(version: 52, name: "companies and leads") { _ in
        [
            """
            CREATE TABLE companies (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id), name TEXT NOT NULL, domain TEXT, size TEXT,
              country TEXT, industry TEXT, owner_id TEXT, team_id TEXT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX companies_workspace ON companies (workspace_id, id)",
            "CREATE UNIQUE INDEX companies_domain ON companies (workspace_id, domain)",
            "CREATE INDEX companies_name ON companies (workspace_id, lower(name))",
            """
            CREATE TABLE company_people (
              company_id TEXT NOT NULL REFERENCES companies (id) ON DELETE CASCADE, customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              workspace_id TEXT NOT NULL, role TEXT, is_primary INTEGER NOT NULL, added_at BIGINT NOT NULL, PRIMARY KEY (company_id, customer_id))
            """,
            "CREATE INDEX company_people_customer ON company_people (customer_id)",
            "CREATE UNIQUE INDEX company_people_primary ON company_people (company_id) WHERE is_primary = 1",
            """
            CREATE TABLE leads (
              id TEXT PRIMARY KEY, workspace_id TEXT NOT NULL REFERENCES workspaces (id),
              customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE, company_id TEXT REFERENCES companies (id) ON DELETE SET NULL,
              source TEXT NOT NULL, campaign TEXT, origin_id TEXT, title TEXT, owner_id TEXT, team_id TEXT, status TEXT NOT NULL,
              disqualified_reason TEXT, deal_id TEXT REFERENCES deals (id) ON DELETE SET NULL, enquiries INTEGER NOT NULL,
              last_enquiry_at BIGINT NOT NULL, converted_at BIGINT, created_by TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE INDEX leads_workspace ON leads (workspace_id, id)",
            "CREATE INDEX leads_customer ON leads (customer_id, status)",
            "CREATE INDEX leads_owner ON leads (owner_id, status)",
            "CREATE INDEX leads_status ON leads (workspace_id, status, id)",
            "CREATE INDEX leads_company ON leads (company_id)",
            "CREATE INDEX leads_deal ON leads (deal_id)",
            "ALTER TABLE deals ADD COLUMN company_id TEXT REFERENCES companies (id) ON DELETE SET NULL",
            "ALTER TABLE deals ADD COLUMN lead_id TEXT REFERENCES leads (id) ON DELETE SET NULL",
            "CREATE INDEX deals_company ON deals (company_id)",
            "CREATE INDEX deals_lead ON deals (lead_id)",
        ]
    }
}
