/// A language the content and the interface are written in.
public enum Language: String, Sendable, CaseIterable, Codable, Comparable {
    case english = "en"
    case spanish = "es"

    /// The other language, used as the fallback when a page has no translation.
    public var other: Language { self == .english ? .spanish : .english }

    /// Parses `en`, `es`, or a locale string such as `es_CO.UTF-8`; `nil` for anything else.
    public init?(code: String) {
        let lowered = code.lowercased()
        let prefix = lowered.prefix { $0.isLetter }
        switch prefix {
        case "en": self = .english
        case "es": self = .spanish
        default: return nil
        }
    }

    /// Chooses the language from an explicit flag, else `IPM_LANG`, else `LC_ALL`, `LC_MESSAGES`, `LANG`.
    ///
    /// Foundation's locale ignores these variables on Linux, so they are read as strings. `C` and `POSIX`
    /// locales, and any language other than Spanish, give English.
    public static func preferred(flag: String? = nil, environment: [String: String]) -> Language {
        if let flag, let language = Language(code: flag) { return language }
        for name in ["IPM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            return Language(code: value) ?? .english
        }
        return .english
    }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.rawValue < rhs.rawValue }
}
