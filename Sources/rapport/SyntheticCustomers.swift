import RapportCore

/// Made-up customers for benchmarks: customer `n` always has the same names, e-mail and phone.
enum SyntheticCustomers {
    static let firstNames = ["Anna", "Ben", "Clara", "David", "Elif", "Finn", "Greta", "Hugo", "Ida", "Jan", "Kira", "Luca",
                             "Mila", "Nils", "Olivia", "Paul", "Rosa", "Simon", "Tara", "Uwe", "Vera", "Willem", "Yara", "Zeno"]
    static let lastNames = ["Schmidt", "Meyer", "Weber", "Wagner", "Becker", "Hoffmann", "Koch", "Richter", "Klein", "Wolf",
                            "Neumann", "Schwarz", "Braun", "Zimmermann", "Hartmann", "Lange", "Werner", "Krause", "Lehmann",
                            "Köhler", "Maier", "Walter", "Fuchs", "Kaiser", "Berger", "Vogel", "Roth", "Beck", "Lorenz", "Jung"]

    static func firstName(_ n: Int) -> String { firstNames[n % firstNames.count] }
    static func lastName(_ n: Int) -> String { lastNames[(n / firstNames.count) % lastNames.count] }
    static func email(_ n: Int) -> String { "\(firstName(n).lowercased()).\(n)@example.com" }
    /// NANP numbers +1 415 xxx xxxx and on: unique for the first ten million customers.
    static func phone(_ n: Int) -> String {
        let digits = String(n % 10_000_000)
        return "+1\(415 + n / 10_000_000)" + String(repeating: "0", count: 7 - digits.count) + digits
    }

    static func input(_ n: Int) -> CustomerInput {
        CustomerInput(
            identities: [IdentityInput(.email, value: email(n)), IdentityInput(.phone, value: phone(n))],
            firstName: firstName(n), lastName: lastName(n), tags: n % 10 == 0 ? ["vip"] : [])
    }
}
