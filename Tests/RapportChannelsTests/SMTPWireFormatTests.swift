import Foundation
import Testing

@testable import RapportChannels

@Suite("SMTP wire format: the Date header and dot-stuffing")
struct SMTPWireFormatTests {
    @Test("the Date header matches Foundation's formatter over 2,000 instants from 1900 to 2200, leap days and year ends included")
    func dates() {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        var generator = SystemRandomNumberGenerator()
        var instants: [Date] = [
            Date(timeIntervalSince1970: 0), Date(timeIntervalSince1970: -1), Date(timeIntervalSince1970: 951_782_400),  // 2000-02-29
            Date(timeIntervalSince1970: 1_798_761_599.9), Date(timeIntervalSince1970: 4_107_542_400),  // 2100-03-01
        ]
        for _ in 0..<2_000 { instants.append(Date(timeIntervalSince1970: Double(Int64.random(in: -2_208_988_800...7_258_118_400, using: &generator)))) }
        for instant in instants {
            #expect(EmailSender.rfc5322Date(instant) == formatter.string(from: instant), "\(instant.timeIntervalSince1970)")
        }
        #expect(EmailSender.rfc5322Date(Date(timeIntervalSince1970: 1_796_445_000)) == "Sat, 05 Dec 2026 04:30:00 +0000")
    }

    @Test("CRLF line ends whatever came in, a leading dot doubled, a lone CR kept")
    func dotStuffing() {
        #expect(SMTPClient.dotStuffed("a\nb\r\nc") == "a\r\nb\r\nc")
        #expect(SMTPClient.dotStuffed(".hidden\r\n..two\n.\nend.") == "..hidden\r\n...two\r\n..\r\nend.")
        #expect(SMTPClient.dotStuffed("one\rtwo\r\n\r\n.") == "one\rtwo\r\n\r\n..")
        #expect(SMTPClient.dotStuffed("Grüße\n.ü") == "Grüße\r\n..ü")
        #expect(SMTPClient.dotStuffed("") == "")
    }
}
