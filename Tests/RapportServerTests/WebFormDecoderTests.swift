import RapportCore
@testable import RapportServer
import Testing

@Suite("Forms decode into structs as HTML forms send them")
struct WebFormDecoderTests {
    struct Sample: Decodable {
        let userID: String
        let name: String?
        let handOffVIP: Bool
        let teamID: [String]
        let days: Int?
        let role: UserRole?
    }

    static func decode(_ fields: [(String, String)]) throws -> Sample {
        try WebFormDecoder.decode(Sample.self, from: fields)
    }

    @Test("each property is the field of its snake_case name; text is trimmed, boxes are ticked, repeated fields are lists")
    func fields() throws {
        let sample = try Self.decode([
            ("user_id", " usr_1 "), ("name", "  Ann  "), ("hand_off_vip", "1"), ("team_id", "team_1"), ("team_id", ""),
            ("team_id", "team_2"), ("days", " 14 "), ("role", "agent"),
        ])
        #expect(sample.userID == " usr_1 ")
        #expect(sample.name == "Ann")
        #expect(sample.handOffVIP)
        #expect(sample.teamID == ["team_1", "team_2"])
        #expect(sample.days == 14)
        #expect(sample.role == .agent)
    }

    @Test("what a form leaves out is empty, unticked, blank or nil")
    func absent() throws {
        let sample = try Self.decode([("name", "   "), ("days", ""), ("role", "")])
        #expect(sample.userID == "")
        #expect(sample.name == nil)
        #expect(!sample.handOffVIP)
        #expect(sample.teamID.isEmpty)
        #expect(sample.days == nil)
        #expect(sample.role == nil)
    }

    @Test("a value that does not parse is refused with the field's name and the choices there are", arguments: [
        ("days", "two", "days", "must be a whole number"),
        ("role", "owner", "role", "must be admin, manager, agent or marketer"),
    ])
    func refused(field: String, value: String, named: String, message: String) throws {
        do {
            _ = try Self.decode([(field, value)])
            Issue.record("\(field)=\(value) was taken")
        } catch RapportError.invalid(let problems) {
            #expect(problems == [FieldError(field: named, message: message)])
        }
    }

    @Test("a required number that is missing is named")
    func required() throws {
        struct Strict: Decodable { let quantity: Int }
        #expect(throws: RapportError.invalid([FieldError(field: "quantity", message: "is required")])) {
            try WebFormDecoder.decode(Strict.self, from: [])
        }
    }
}
