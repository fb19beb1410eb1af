/// The arguments of one invocation, parsed against a `CommandSpec`.
struct ParsedArguments: Sendable {
    /// The command words that led here: `["webhook", "verify"]`.
    var commandPath: [String]
    /// Flags that were given, by their long name.
    var flags: Set<String> = []
    /// Values of options, by long name, in the order given.
    var values: [String: [String]] = [:]
    /// Positional arguments.
    var positionals: [String] = []

    /// Whether a flag was given.
    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The last value of an option.
    func value(_ option: String) -> String? { values[option]?.last }

    /// Every value of a repeatable option.
    func allValues(_ option: String) -> [String] { values[option] ?? [] }

    /// The value of an option as an integer within a range, or a usage error naming the option.
    func integer(_ option: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            throw UsageError(
                "Invalid value '\(text)' for '\(option)': expected a whole number from \(range.lowerBound) to \(range.upperBound).",
                commandPath: commandPath)
        }
        return number
    }

    /// The value of an option as a number within a range, or a usage error naming the option.
    func double(_ option: String, in range: ClosedRange<Double>) throws -> Double? {
        guard let text = value(option) else { return nil }
        guard let number = Double(text), range.contains(number) else {
            throw UsageError(
                "Invalid value '\(text)' for '\(option)': expected a number from \(range.lowerBound) to \(range.upperBound).",
                commandPath: commandPath)
        }
        return number
    }
}
