import RapportCore

/// Rapport's own JSON reader, which reads every API body, tracking batch and provider
/// webhook. What it accepts, written back by `JSONWriter`, must read back as the same value.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzJSONDocument(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let value = try? JSONParser.parse(FuzzInput.bytes(data, size)) else { return 0 }
    var writer = JSONWriter()
    writer.value(value)
    let again = try? JSONParser.parse(Array(writer.text.utf8))
    FuzzInput.expect(again == value, "JSON written back reads back the same: \(writer.text.prefix(200))")
    return 0
}
