/// What a shell may complete a value or argument with.
enum CompletionKind: Sendable, Equatable {
    case none
    case topics
    case files
    case choices([String])
}

/// One option of a command: a flag, or an option that takes a value.
struct OptionSpec: Sendable {
    /// Every spelling, long first: `["--lang"]`, `["--help", "-h"]`.
    var names: [String]
    /// The value's placeholder (`N`, `es|en`), or `nil` for a flag.
    var valueName: String?
    /// One line of help.
    var help: String
    /// Whether the option may be given more than once (values accumulate).
    var repeatable = false
    /// The only values accepted, when the set is closed.
    var choices: [String]? = nil
    /// What a shell completes the value with.
    var completion: CompletionKind = .none

    var name: String { names[0] }
    var takesValue: Bool { valueName != nil }

    /// A flag.
    static func flag(_ names: String..., help: String) -> OptionSpec {
        OptionSpec(names: names, valueName: nil, help: help)
    }

    /// An option with a value.
    static func value(
        _ names: String..., valueName: String, help: String, repeatable: Bool = false, choices: [String]? = nil,
        completion: CompletionKind? = nil
    ) -> OptionSpec {
        OptionSpec(
            names: names, valueName: valueName, help: help, repeatable: repeatable, choices: choices,
            completion: completion ?? choices.map { .choices($0) } ?? .none)
    }
}

/// A positional argument of a command.
struct ArgumentSpec: Sendable {
    /// The placeholder shown in usage (`topic`, `words`).
    var name: String
    /// One line of help.
    var help: String
    /// Whether the argument may be left out.
    var isOptional = false
    /// Whether it takes every remaining word.
    var isVariadic = false
    /// The only values accepted, when the set is closed.
    var choices: [String]? = nil
    /// What a shell completes it with.
    var completion: CompletionKind = .none
}
