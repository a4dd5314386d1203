extension Migration {
    /// Tier changes announced (issue 24, `loyalty.tier_changed`): the tier each customer was last
    /// told (goes with its customer), and per workspace the shape of the tiers when everyone's
    /// place was last noted, so that reshaping them announces nothing.
    static let loyaltyTierStates = Migration(version: 48, name: "loyalty tier states") { _ in
        [
            """
            CREATE TABLE loyalty_tier_states (
              workspace_id TEXT NOT NULL REFERENCES workspaces (id), customer_id TEXT NOT NULL REFERENCES customers (id) ON DELETE CASCADE,
              tier TEXT, changed_at BIGINT NOT NULL,
              PRIMARY KEY (workspace_id, customer_id))
            """,
            """
            CREATE TABLE loyalty_tier_baselines (
              workspace_id TEXT PRIMARY KEY REFERENCES workspaces (id), signature TEXT NOT NULL, taken_at BIGINT NOT NULL)
            """,
        ]
    }
}
