/// Where and why JSON text failed to parse; line and column (in bytes) are 1-based.
struct JSONSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    var message: String
    var line: Int
    var column: Int

    var description: String { "\(message) at line \(line), column \(column)" }
}
