internal import CEditLine  // struct winsize: sys/ioctl.h reaches Swift through editline/readline.h, not Glibc
internal import Glibc

/// What the terminal behind a stream can do, decided once from the environment and the stream.
///
/// Colour follows ../shared/CLI.md: only on a terminal, never with a non-empty `NO_COLOR`, `TERM=dumb` or
/// `--no-color`; a non-empty `FORCE_COLOR` other than `0` forces it on.
public struct TerminalCapabilities: Sendable, Equatable {
    /// Whether the stream is a terminal.
    public var isTerminal: Bool
    /// Whether to emit ANSI styles.
    public var colors: Bool
    /// Whether to emit OSC 8 hyperlinks.
    public var hyperlinks: Bool
    /// Columns to lay text out in.
    public var width: Int
    /// Rows of the screen, when known.
    public var height: Int?

    /// Creates capabilities by hand (tests, or `--width`).
    public init(isTerminal: Bool, colors: Bool, hyperlinks: Bool, width: Int, height: Int?) {
        self.isTerminal = isTerminal
        self.colors = colors
        self.hyperlinks = hyperlinks
        self.width = width
        self.height = height
    }

    /// The widest a page is laid out on a wide terminal, for a readable measure.
    public static let readableWidth = 100

    /// Detects the capabilities of `fileDescriptor` (standard output by default).
    ///
    /// Width: `widthOverride`, else `COLUMNS`, else the terminal's (capped at `readableWidth`), else 80.
    public static func detect(
        environment: [String: String], fileDescriptor: Int32 = 1, noColorFlag: Bool = false,
        widthOverride: Int? = nil
    ) -> TerminalCapabilities {
        let isTerminal = isatty(fileDescriptor) == 1
        var size = winsize()
        let hasSize = isTerminal && ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0 && size.ws_col > 0
        let width: Int
        if let widthOverride {
            width = widthOverride
        } else if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            width = columns
        } else if hasSize {
            width = min(Int(size.ws_col), readableWidth)
        } else {
            width = 80
        }
        let colors = colorEnabled(environment: environment, isTerminal: isTerminal, noColorFlag: noColorFlag)
        return TerminalCapabilities(
            isTerminal: isTerminal, colors: colors,
            hyperlinks: colors && hyperlinksSupported(environment: environment), width: width,
            height: hasSize ? Int(size.ws_row) : nil)
    }

    /// Whether colour is on for a stream, per the rules above.
    public static func colorEnabled(environment: [String: String], isTerminal: Bool, noColorFlag: Bool) -> Bool {
        if noColorFlag { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        if let force = environment["FORCE_COLOR"], !force.isEmpty, force != "0" { return true }
        if environment["TERM"] == "dumb" { return false }
        return isTerminal
    }

    /// Whether the terminal is known to show OSC 8 hyperlinks (`FORCE_HYPERLINK=1` forces it).
    public static func hyperlinksSupported(environment: [String: String]) -> Bool {
        if let force = environment["FORCE_HYPERLINK"], !force.isEmpty { return force != "0" }
        if environment["TMUX"] != nil || environment["STY"] != nil { return false }
        if let program = environment["TERM_PROGRAM"],
            ["iTerm.app", "WezTerm", "vscode", "ghostty", "Hyper", "rio"].contains(program)
        {
            return true
        }
        if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
        if environment["KITTY_WINDOW_ID"] != nil || environment["WT_SESSION"] != nil { return true }
        let term = environment["TERM"] ?? ""
        return ["xterm-kitty", "alacritty", "foot", "wezterm", "xterm-ghostty"].contains { term.hasPrefix($0) }
    }
}
