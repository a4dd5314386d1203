/// The iCalendar check could not run or read its output.
public struct ICSCheckError: Error, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
