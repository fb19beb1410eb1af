/// One Markdown page of the content catalog, in one language.
public struct Page: Sendable, Equatable {
    /// Where a page came from.
    public enum Origin: Sendable, Equatable {
        /// Embedded in the binary from the project's `Content/` folder.
        case builtIn
        /// Read from the user's content directory at this path.
        case user(path: String)
    }

    /// The stable identifier, the same in every language (`webhook-security`).
    public var id: String
    /// The title in the page's language.
    public var title: String
    /// What kind of page this is.
    public var kind: PageKind
    /// Phrases that resolve to this page, in both languages.
    public var aliases: [String]
    /// One sentence on what the page covers.
    public var summary: String
    /// Ids of related pages.
    public var related: [String]
    /// Names of the `IntegrationPatterns` types the page documents.
    public var types: [String]
    /// The language the page is written in.
    public var language: Language
    /// The Markdown body, without the front matter.
    ///
    /// Kept as a slice of the page's text until asked for, so that loading the catalog copies nothing.
    public var body: String {
        get { String(bodyText) }
        set { bodyText = Substring(newValue) }
    }
    private var bodyText: Substring
    /// The line of the source file where the body starts (1-based), for error positions.
    public var bodyStartLine: Int
    /// Where the page came from.
    public var origin: Origin

    /// Creates a page from its parts.
    public init(
        id: String, title: String, kind: PageKind, aliases: [String] = [], summary: String = "",
        related: [String] = [], types: [String] = [], language: Language, body: String,
        bodyStartLine: Int = 1, origin: Origin = .builtIn
    ) {
        self.init(
            id: id, title: title, kind: kind, aliases: aliases, summary: summary, related: related, types: types,
            language: language, bodyText: Substring(body), bodyStartLine: bodyStartLine, origin: origin)
    }

    init(
        id: String, title: String, kind: PageKind, aliases: [String], summary: String, related: [String],
        types: [String], language: Language, bodyText: Substring, bodyStartLine: Int, origin: Origin
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.aliases = aliases
        self.summary = summary
        self.related = related
        self.types = types
        self.language = language
        self.bodyText = bodyText
        self.bodyStartLine = bodyStartLine
        self.origin = origin
    }
}
