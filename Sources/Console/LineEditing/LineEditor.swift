internal import CEditLine
internal import Foundation

/// Line editing for the REPL on a terminal, with libedit: history, emacs keys, tab completion, and
/// Ctrl-C / Ctrl-D per ../shared/CLI.md.
///
/// Ctrl-C is bound to a command of ours instead of raising SIGINT, for as long as the editor exists (a
/// Ctrl-C typed between two lines waits for the next one): it abandons the line being typed (and on an
/// empty line the caller says how to quit); Ctrl-D on an empty line ends input.
/// Only for terminals: with piped input, read lines directly (no prompt, no escape codes).
public final class LineEditor {
    /// What reading a line gave.
    public enum Input: Sendable, Equatable {
        /// A line was entered.
        case line(String)
        /// Ctrl-C: the line was abandoned; `wasEmpty` says whether anything had been typed.
        case interrupted(wasEmpty: Bool)
        /// Ctrl-D on an empty line (or the terminal closed).
        case endOfInput
    }

    /// Completes the word under the cursor: given the line up to the cursor, the candidates for its last word.
    public typealias Completion = (_ lineBeforeCursor: String) -> [String]

    private let editor: OpaquePointer
    private let history: OpaquePointer
    private let historyPath: String?
    private var promptText: UnsafeMutablePointer<CChar>?
    private var interrupted = false
    private var interruptedLineWasEmpty = true
    private let completion: Completion

    /// Creates an editor on standard input and output.
    ///
    /// - Parameters:
    ///   - historyPath: Where history is loaded from and saved to (created with its folder when needed).
    ///   - completion: The candidates for the word before the cursor.
    public init(program: String, historyPath: String?, completion: @escaping Completion) {
        self.completion = completion
        self.historyPath = historyPath
        editor = CEditLine_initStandard(program)
        history = history_init()
        CEditLine_historySetSize(history, 1000)
        CEditLine_historySetUnique(history, 1)
        if let historyPath { _ = CEditLine_historyLoad(history, historyPath) }
        CEditLine_useHistory(editor, history)
        CEditLine_setEditor(editor, "emacs")
        CEditLine_setSignalHandling(editor, 1)
        CEditLine_disableSignalKeys(editor)
        CEditLine_setClientData(editor, Unmanaged.passUnretained(self).toOpaque())
        CEditLine_setPrompt(editor) { editor in
            guard let editor, let data = CEditLine_clientData(editor) else { return nil }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().promptText
        }
        CEditLine_addFunction(editor, "ipm-interrupt", "Abandon the line") { editor, _ in
            guard let editor, let data = CEditLine_clientData(editor) else { return UInt8(CC_EOF) }
            let me = Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue()
            let info = el_line(editor)!.pointee
            me.interrupted = true
            me.interruptedLineWasEmpty = info.lastchar == info.buffer
            return UInt8(CC_EOF)
        }
        CEditLine_addFunction(editor, "ipm-complete", "Complete the word") { editor, _ in
            guard let editor, let data = CEditLine_clientData(editor) else { return UInt8(CC_ERROR) }
            return Unmanaged<LineEditor>.fromOpaque(data).takeUnretainedValue().complete(editor)
        }
        CEditLine_bind(editor, "^C", "ipm-interrupt")
        CEditLine_bind(editor, "^I", "ipm-complete")
    }

    deinit {
        free(promptText)
        el_end(editor)
        history_end(history)
    }

    /// Shows `prompt` and reads one line.
    public func readLine(prompt: String) -> Input {
        free(promptText)
        promptText = strdup(prompt)
        interrupted = false
        var count: Int32 = 0
        let line = el_gets(editor, &count)
        if interrupted {
            CEditLine_writeOut("^C\n")
            return .interrupted(wasEmpty: interruptedLineWasEmpty)
        }
        guard let line, count > 0 else { return .endOfInput }
        var text = String(cString: line)
        while text.hasSuffix("\n") || text.hasSuffix("\r") { text.removeLast() }
        return .line(text)
    }

    /// Adds a line to the history and saves the history file.
    public func remember(_ line: String) {
        guard !line.allSatisfy(\.isWhitespace) else { return }
        _ = CEditLine_historyEnter(history, line)
        save()
    }

    /// Writes the history file (its folder is created if needed).
    public func save() {
        guard let historyPath else { return }
        let folder = URL(fileURLWithPath: historyPath).deletingLastPathComponent()
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        _ = CEditLine_historySave(history, historyPath)
    }

    /// Tab: completes the word before the cursor, or lists the candidates when several remain.
    private func complete(_ editor: OpaquePointer) -> UInt8 {
        let info = el_line(editor)!.pointee
        let length = info.cursor - info.buffer
        let bytes = UnsafeRawBufferPointer(start: info.buffer, count: length)
        let before = String(decoding: bytes, as: UTF8.self)
        let word = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
        let candidates = completion(before)
        guard !candidates.isEmpty else { return UInt8(CC_REFRESH_BEEP) }
        let common = candidates.dropFirst().reduce(candidates[0]) { $0.commonPrefix(with: $1) }
        if common.count > word.count {
            var suffix = String(common.dropFirst(word.count))
            if candidates.count == 1 { suffix += " " }
            _ = el_insertstr(editor, suffix)
            return UInt8(CC_REFRESH)
        }
        if candidates.count == 1 {
            _ = el_insertstr(editor, " ")
            return UInt8(CC_REFRESH)
        }
        CEditLine_writeOut("\n" + candidates.joined(separator: "  ") + "\n")
        return UInt8(CC_REDISPLAY)
    }
}
