/// An error reported by SQLite, with its result code and message.
public struct SQLiteError: Error, Sendable, CustomStringConvertible {
    /// A SQLite result code; compare extended codes by their primary code (`code & 0xff`).
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: Int32
        public init(rawValue: Int32) { self.rawValue = rawValue }

        /// The primary result code, without the extended bits.
        public var primary: Code { Code(rawValue: rawValue & 0xff) }

        public static let error = Code(rawValue: 1)
        public static let busy = Code(rawValue: 5)
        public static let locked = Code(rawValue: 6)
        public static let readOnly = Code(rawValue: 8)
        public static let ioError = Code(rawValue: 10)
        public static let corrupt = Code(rawValue: 11)
        public static let cannotOpen = Code(rawValue: 14)
        public static let constraint = Code(rawValue: 19)
        public static let notADatabase = Code(rawValue: 26)

        /// Matches an error by its primary code: `catch SQLiteError.Code.constraint`.
        public static func ~= (pattern: Code, error: any Error) -> Bool {
            guard let error = error as? SQLiteError else { return false }
            return error.code.primary == pattern
        }
    }

    /// The (possibly extended) result code.
    public var code: Code
    /// SQLite's message.
    public var message: String
    /// The statement that failed, if any (never with bound values, which may be secret).
    public var sql: String?

    /// Creates an error.
    public init(code: Code, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    public var description: String {
        var text = "SQLite error \(code.rawValue): \(message)"
        if let sql { text += " (in: \(sql))" }
        return text
    }
}
