import RapportCore

/// Phone numbers as shops, SMS providers and forms write them, read in a national default
/// region. A number read once is E.164 (`+` and 8–15 digits, no leading zero) and reads
/// again as itself.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzPhoneNumber(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let text = FuzzInput.text(data, size)
    for region in ["DE", "US", "GB"] {
        guard let defaultRegion = PhoneRegion.known[region] else { continue }
        let normalizer = PhoneNumberNormalizer(defaultRegion: defaultRegion)
        guard case .success(let number) = normalizer.normalize(text) else { continue }
        let digits = number.dropFirst()
        FuzzInput.expect(
            number.hasPrefix("+") && digits.allSatisfy { $0.isASCII && $0.isNumber } && !digits.hasPrefix("0")
                && (8...15).contains(digits.count),
            "a normalized number is E.164: \(number)")
        FuzzInput.expect(try! normalizer.normalize(number).get() == number, "a normalized number normalizes to itself: \(number)")
    }
    return 0
}
