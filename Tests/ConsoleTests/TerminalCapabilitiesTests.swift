import Testing

@testable import Console

@Suite("Terminal capabilities")
struct TerminalCapabilitiesTests {
    @Test("colour only on a terminal, and never with NO_COLOR, TERM=dumb or --no-color")
    func colour() {
        #expect(TerminalCapabilities.colorEnabled(environment: [:], isTerminal: true, noColorFlag: false))
        #expect(!TerminalCapabilities.colorEnabled(environment: [:], isTerminal: false, noColorFlag: false))
        #expect(
            !TerminalCapabilities.colorEnabled(environment: ["NO_COLOR": "1"], isTerminal: true, noColorFlag: false))
        #expect(TerminalCapabilities.colorEnabled(environment: ["NO_COLOR": ""], isTerminal: true, noColorFlag: false))
        #expect(!TerminalCapabilities.colorEnabled(environment: ["TERM": "dumb"], isTerminal: true, noColorFlag: false))
        #expect(!TerminalCapabilities.colorEnabled(environment: [:], isTerminal: true, noColorFlag: true))
        #expect(
            TerminalCapabilities.colorEnabled(environment: ["FORCE_COLOR": "1"], isTerminal: false, noColorFlag: false))
        #expect(
            !TerminalCapabilities.colorEnabled(environment: ["FORCE_COLOR": "0"], isTerminal: false, noColorFlag: false)
        )
        #expect(
            !TerminalCapabilities.colorEnabled(
                environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"], isTerminal: true, noColorFlag: false))
    }

    @Test("width comes from an override, then COLUMNS, then 80 off a terminal")
    func width() {
        #expect(TerminalCapabilities.detect(environment: [:], fileDescriptor: -1).width == 80)
        #expect(TerminalCapabilities.detect(environment: ["COLUMNS": "63"], fileDescriptor: -1).width == 63)
        #expect(
            TerminalCapabilities.detect(environment: ["COLUMNS": "63"], fileDescriptor: -1, widthOverride: 41).width
                == 41)
        #expect(TerminalCapabilities.detect(environment: ["COLUMNS": "junk"], fileDescriptor: -1).width == 80)
    }

    @Test("hyperlinks on terminals known to support OSC 8, and never inside tmux")
    func hyperlinks() {
        #expect(TerminalCapabilities.hyperlinksSupported(environment: ["TERM_PROGRAM": "WezTerm"]))
        #expect(TerminalCapabilities.hyperlinksSupported(environment: ["VTE_VERSION": "7600"]))
        #expect(!TerminalCapabilities.hyperlinksSupported(environment: ["VTE_VERSION": "4000"]))
        #expect(!TerminalCapabilities.hyperlinksSupported(environment: ["TERM_PROGRAM": "iTerm.app", "TMUX": "x"]))
        #expect(TerminalCapabilities.hyperlinksSupported(environment: ["FORCE_HYPERLINK": "1", "TMUX": "x"]))
        #expect(!TerminalCapabilities.hyperlinksSupported(environment: ["TERM": "xterm-256color"]))
    }

    @Test("the pager is only for a terminal, for text taller than the screen, unless PAGER says not to")
    func pagerDecision() {
        let tall = TerminalCapabilities(isTerminal: true, colors: true, hyperlinks: false, width: 80, height: 24)
        #expect(Pager(environment: [:]).isNeeded(lineCount: 30, capabilities: tall))
        #expect(!Pager(environment: [:]).isNeeded(lineCount: 10, capabilities: tall))
        #expect(!Pager(environment: ["PAGER": "cat"]).isNeeded(lineCount: 30, capabilities: tall))
        #expect(!Pager(environment: ["PAGER": ""]).isNeeded(lineCount: 30, capabilities: tall))
        var pipe = tall
        pipe.isTerminal = false
        #expect(!Pager(environment: [:]).isNeeded(lineCount: 30, capabilities: pipe))
    }
}
