import RapportCore

/// The made-up shop's assortment (category, product names and price range in cents), names and places.
enum DemoCatalog {
    static let categories: [(name: String, products: [String], prices: ClosedRange<Int64>)] = [
        ("running", ["Trail Runner", "Road Racer", "Tempo Trainer", "Marathon Flex", "Cloud Stride"], 6_900...18_900),
        ("outdoor", ["Rain Shell", "Down Vest", "Trek Pants", "Summit Pack", "Merino Base Layer"], 2_900...24_900),
        ("kitchen", ["Espresso Cup", "Pour-over Set", "Chef Knife", "Cast Iron Pan", "Bamboo Board"], 900...12_900),
        ("home", ["Linen Throw", "Oak Shelf", "Ceramic Vase", "Wool Rug", "Reading Lamp"], 1_900...29_900),
        ("beauty", ["Face Serum", "Hand Cream", "Clay Mask", "Lip Balm", "Body Oil"], 500...4_900),
        ("kids", ["Puzzle Box", "Rain Boots", "Plush Fox", "Paint Kit", "Balance Bike"], 900...13_900),
        ("tech", ["Earbuds", "Phone Case", "Charging Pad", "Smart Bulb", "Travel Adapter"], 1_500...14_900),
        ("books", ["Field Guide", "Cookbook", "Atlas", "Sketchbook", "Travel Journal"], 800...4_500),
    ]
    static let colours = ["Black", "Sand", "Forest", "Ocean", "Clay", "Stone", "Berry", "Sky", "Moss", "Ash"]
    static let firstNames = ["Anna", "Ben", "Chiara", "Deniz", "Emma", "Felix", "Greta", "Hiro", "Ines", "Jonas", "Kemal",
                             "Lena", "Marta", "Noah", "Olga", "Paul", "Quinn", "Rosa", "Sami", "Tilda", "Umar", "Vera",
                             "Wiebke", "Xavier", "Yusuf", "Zoe", "Putri", "Budi", "Sari", "Agus"]
    static let lastNames = ["Becker", "Costa", "Dubois", "Eriksen", "Fischer", "García", "Hansen", "Ivanova", "Jansen",
                            "Kowalski", "Lindqvist", "Müller", "Novak", "Okafor", "Petrov", "Rossi", "Santoso",
                            "Wijaya", "Schmidt", "Meyer"]
    static let carriers = [("DHL", "https://www.dhl.de/de/privatkunden/pakete-empfangen/verfolgen.html?piececode="),
                           ("UPS", "https://www.ups.com/track?tracknum="), ("DPD", "https://tracking.dpd.de/status/de_DE/parcel/")]
    static let cities: [(city: String, postcode: Int, country: String)] = [
        ("Berlin", 10115, "DE"), ("Hamburg", 20095, "DE"), ("München", 80331, "DE"), ("Köln", 50667, "DE"),
        ("Wien", 1010, "AT"), ("Zürich", 8001, "CH"), ("Jakarta", 10110, "ID"), ("London", 0, "GB"),
    ]

    /// The address customer `index` has orders shipped to.
    static func address(for index: Int) -> Address {
        let place = cities[index % cities.count]
        let postcode = place.country == "GB" ? "EC1A \(index % 9 + 1)BB" : String(place.postcode + index % 50)
        let street = switch place.country {
        case "ID": "Jalan Sudirman"
        case "GB": "High Street"
        default: index % 2 == 0 ? "Lindenstraße" : "Hauptstraße"
        }
        return Address(line1: "\(street) \(index % 120 + 1)", city: place.city, postalCode: postcode, country: place.country)
    }
    static let returnReasons = ["Too small", "Too big", "Arrived damaged", "Not as pictured", "Changed my mind", "Wrong item sent"]
}
