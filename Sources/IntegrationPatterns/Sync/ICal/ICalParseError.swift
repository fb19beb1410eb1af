/// Why a whole input could not be read as a calendar (a bad *event* is an ``ICalProblem`` instead).
public struct ICalParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The kind of failure, for `catch` and for deciding what to tell a person.
    public struct Code: RawRepresentable, Sendable, Hashable {
        public var rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }

        /// The input has no `BEGIN:VCALENDAR` at all.
        public static let notACalendar = Code(rawValue: "not_a_calendar")
        /// The input is an HTML page (a login or error page served in place of the feed).
        public static let htmlPage = Code(rawValue: "html_page")
        /// The input is empty or only whitespace.
        public static let empty = Code(rawValue: "empty")
    }

    /// The kind of failure.
    public var code: Code
    /// A sentence for a person.
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
