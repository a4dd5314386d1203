import Foundation
import Testing

@testable import RapportChannels

@Suite("SMTP wire format: the Date header, dot-stuffing and header lines")
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

    private func stuffed(_ message: String) -> String {
        String(decoding: SMTPClient.dotStuffed(message), as: UTF8.self)
    }

    @Test("CRLF line ends whatever came in, a leading dot doubled, a lone CR kept")
    func dotStuffing() {
        #expect(stuffed("a\nb\r\nc") == "a\r\nb\r\nc")
        #expect(stuffed(".hidden\r\n..two\n.\nend.") == "..hidden\r\n...two\r\n..\r\nend.")
        #expect(stuffed("one\rtwo\r\n\r\n.") == "one\rtwo\r\n\r\n..")
        #expect(stuffed("Grüße\n.ü") == "Grüße\r\n..ü")
        #expect(stuffed("") == "")
    }

    @Test("a short plain header line comes out as the folding path gives it, and ASCII values split into the same words read as bytes or as scalars")
    func plainHeaderLines() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "Z", "9", " ", "  ", "\t", "\r\n", "é", "-", "=?", ":", "\u{7F}", "~", "Sale", "x@y.test"]
        var taken = 0
        for _ in 0..<5_000 {
            let value = (0..<Int.random(in: 0...30, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            let plain = HeaderText.plainLine("Subject", value)
            if plain != nil { taken += 1 }
            #expect((plain ?? HeaderText.foldedLine("Subject", value)) == HeaderText.foldedLine("Subject", value), "\(value.debugDescription)")
        }
        #expect(taken > 50, "the short path was taken \(taken) times")
        for _ in 0..<5_000 {
            let value = String(decoding: (0..<Int.random(in: 0...90, using: &generator)).map { _ in UInt8.random(in: 0...127, using: &generator) }, as: UTF8.self)
            #expect(HeaderText.asciiWords(value) == HeaderText.scalarWords(value), "\(value.debugDescription)")
        }
        #expect(HeaderText.asciiWords("Grüße") == nil)
        #expect(HeaderText.plainLine("Subject", "New arrivals for Ana") == "Subject: New arrivals for Ana")
        #expect(HeaderText.plainLine("Subject", "New  arrivals") == nil)
        #expect(HeaderText.plainLine("Subject", String(repeating: "word ", count: 20) + "end") == nil)
    }
}
