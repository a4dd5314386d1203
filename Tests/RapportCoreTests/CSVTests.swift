import Foundation
import RapportCore
import Testing

@Suite("CSV and import rows")
struct CSVTests {
    @Test("quoted fields keep commas, quotes and line breaks; records know their line")
    func quoting() {
        let records = CSVReader.records("a,b\r\n\"x, y\",\"say \"\"hi\"\"\"\n\"two\nlines\",z\n")
        #expect(records.map(\.fields) == [["a", "b"], ["x, y", "say \"hi\""], ["two\nlines", "z"]])
        #expect(records.map(\.line) == [1, 2, 3])
    }

    @Test("headers of common exports are recognised; --map wins; unknown columns are reported")
    func columns() {
        let columns = CSVColumns(
            header: ["E-Mail", "First Name", "Kundennummer", "Shoe size"], mapping: ["Kundennummer": "external_id"],
            aliases: CSVColumns.customerAliases)
        #expect(columns.value("email", in: ["a@example.com", "Ann", "42", "38"]) == "a@example.com")
        #expect(columns.value("external_id", in: ["a@example.com", "Ann", "42", "38"]) == "42")
        #expect(columns.unused == ["Shoe size"])
    }

    @Test("order rows group by number, money is read exactly, and a bad row rejects its whole order")
    func orderRows() {
        let text = """
            Name,Email,Created at,Currency,Lineitem sku,Lineitem name,Lineitem quantity,Lineitem price,Total
            #1001,a@example.com,2026-01-05 10:00:00,EUR,TEE,Tee,2,19.99,45.98
            #1001,,,,CAP,Cap,1,6.00,
            #1002,b@example.com,2026-01-06,EUR,MUG,Mug,lots,5.00,5.00
            #1002,,,,MUG,Mug,1,5.00,
            """
        let records = CSVReader.records(text)
        let columns = CSVColumns(header: records[0].fields, mapping: [:], aliases: CSVColumns.orderAliases)
        let (rows, rejected) = CSVImportRows.orders(Array(records.dropFirst()), columns: columns, source: "import", defaultCurrency: "USD")
        #expect(rows.count == 1)
        let order = rows[0].input
        #expect(order.number == "#1001" && order.currency == "EUR" && order.total == 4_598)
        #expect(order.lines.map(\.unitPrice) == [1_999, 600])
        #expect(order.placedAt == Timestamp.parse("2026-01-05T10:00:00Z"))
        #expect(rejected.map(\.line).sorted() == [4, 5])
        #expect(rejected.first { $0.line == 4 }?.reason.contains("quantity") == true)
    }

    @Test("CDNOW lines become one order each, with both file layouts")
    func cdnow() {
        let master = " customer_id  date number_of_cds  dollar_value\n 00001 19970101  1   11.77\n 00001 19970101  2   20.00\n"
        let (rows, rejected) = CDNOWFormat.orders(master)
        #expect(rejected.isEmpty && rows.count == 2)
        #expect(rows.map(\.input.number) == ["00001-19970101-1", "00001-19970101-2"])
        #expect(rows[0].input.total == 1_177 && rows[1].input.lines.first?.quantity == 2)
        #expect(rows[0].input.placedAt == Timestamp.parse("1997-01-01T00:00:00Z"))
        let sample = CDNOWFormat.orders(" 00004 0001 19970101  2   29.33\n 00004 0001 1997013x  2   29.33\n")
        #expect(sample.rows.first?.input.customer?.identities.first?.value == "00004")
        #expect(sample.rejected.map(\.line) == [2])
    }

    @Test("A quote or comma followed by a combining mark still delimits (found by the CSV fuzzer)")
    func combiningMarksAfterDelimiters() {
        // `,\u{0301}` and `"\u{07FD}` are single Characters to Swift; the file's writer meant a delimiter.
        let records = CSVReader.records("a,\u{0301}b\n\"\u{07FD}\",c\r\nlast\rline")
        #expect(records.map(\.fields) == [["a", "\u{0301}b"], ["\u{07FD}", "c"], ["last"], ["line"]])
        #expect(records.map(\.line) == [1, 2, 3, 4])
    }
}
