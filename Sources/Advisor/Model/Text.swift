public import Knowledge

/// A sentence in English and Spanish.
public struct Text: Sendable, Hashable, Codable {
    /// The English text.
    public var en: String
    /// The Spanish text.
    public var es: String

    /// Creates a text in both languages.
    public init(_ en: String, _ es: String) {
        self.en = en
        self.es = es
    }

    /// The text in `language`.
    public func callAsFunction(_ language: Language) -> String { language == .spanish ? es : en }
}
