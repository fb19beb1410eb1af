/// A small lexer that colours keywords, strings, comments and numbers in code blocks.
///
/// It knows swift, js (and javascript, ts), json, sql and shell (sh, bash, zsh, console); other languages
/// are left plain. It is deliberately lexical: colour is a reading aid, and a wrong guess costs nothing.
struct SyntaxHighlighter {
    private enum Grammar {
        case swift, javascript, json, sql, shell, plain
    }

    private let grammar: Grammar

    init(language: String) {
        switch language.lowercased() {
        case "swift": grammar = .swift
        case "js", "javascript", "ts", "typescript", "jsx", "tsx": grammar = .javascript
        case "json", "jsonl", "json5": grammar = .json
        case "sql", "sqlite", "postgresql", "psql": grammar = .sql
        case "sh", "shell", "bash", "zsh", "console", "shell-session": grammar = .shell
        default: grammar = .plain
        }
    }

    private static let swiftKeywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "break", "case", "catch", "class", "continue",
        "default", "defer", "do", "else", "enum", "extension", "fallthrough", "false", "fileprivate", "final",
        "for", "func", "guard", "if", "import", "in", "init", "inout", "internal", "is", "let", "nil",
        "nonisolated", "open", "operator", "private", "protocol", "public", "repeat", "rethrows", "return",
        "self", "Self", "some", "static", "struct", "subscript", "super", "switch", "throw", "throws", "true",
        "try", "typealias", "var", "where", "while", "mutating", "sending", "consuming", "borrowing",
    ]
    private static let javascriptKeywords: Set<String> = [
        "async", "await", "break", "case", "catch", "class", "const", "continue", "default", "delete", "do",
        "else", "export", "extends", "false", "finally", "for", "from", "function", "if", "import", "in",
        "instanceof", "let", "new", "null", "of", "return", "static", "super", "switch", "this", "throw",
        "true", "try", "typeof", "undefined", "var", "void", "while", "yield", "interface", "type",
    ]
    private static let sqlKeywords: Set<String> = [
        "add", "all", "alter", "and", "as", "asc", "begin", "between", "by", "case", "check", "commit",
        "conflict", "constraint", "create", "default", "delete", "desc", "distinct", "do", "drop", "else",
        "end", "exists", "for", "foreign", "from", "group", "having", "if", "immediate", "in", "index",
        "insert", "integer", "into", "is", "join", "key", "left", "like", "limit", "not", "nothing", "null",
        "on", "or", "order", "pragma", "primary", "references", "returning", "rollback", "select", "set",
        "skip", "table", "text", "then", "transaction", "unique", "update", "values", "when", "where", "with",
        "blob", "real", "locked", "true", "false", "timestamp", "timestamptz", "bigint", "varchar", "jsonb",
        "now", "interval", "excluded", "using", "cascade", "view", "trigger", "autoincrement", "limit",
    ]
    private static let shellKeywords: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "while", "do", "done", "case", "esac", "in", "function",
        "export", "local", "return", "set", "unset", "echo", "exit", "cd", "source",
    ]

    /// The spans of each line of `code`; state (block comments, open strings) carries across lines.
    func highlight(_ code: String) -> [[Span]] {
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard grammar != .plain else { return lines.map { [Span($0)] } }
        var inBlockComment = false
        return lines.map { highlightLine($0, inBlockComment: &inBlockComment) }
    }

    private func highlightLine(_ line: String, inBlockComment: inout Bool) -> [Span] {
        let characters = Array(line)
        var spans: [Span] = []
        var index = 0
        var plain = ""

        func flushPlain() {
            if !plain.isEmpty { spans.append(Span(plain)) }
            plain = ""
        }
        func emit(_ text: String, _ style: TextStyle) {
            flushPlain()
            spans.append(Span(text, style))
        }
        func starts(with token: String, at position: Int) -> Bool {
            let tokenCharacters = Array(token)
            guard position + tokenCharacters.count <= characters.count else { return false }
            return Array(characters[position..<position + tokenCharacters.count]) == tokenCharacters
        }

        let hasBlockComments = grammar == .swift || grammar == .javascript || grammar == .sql
        let lineComment: String? = {
            switch grammar {
            case .swift, .javascript: return "//"
            case .sql: return "--"
            case .shell: return "#"
            default: return nil
            }
        }()

        while index < characters.count {
            if inBlockComment {
                var text = ""
                while index < characters.count {
                    if starts(with: "*/", at: index) {
                        text += "*/"
                        index += 2
                        inBlockComment = false
                        break
                    }
                    text.append(characters[index])
                    index += 1
                }
                emit(text, Theme.comment)
                continue
            }
            let character = characters[index]
            if hasBlockComments && starts(with: "/*", at: index) {
                inBlockComment = true
                continue
            }
            if let lineComment, starts(with: lineComment, at: index),
                grammar != .shell || index == 0 || characters[index - 1] == " "
            {
                emit(String(characters[index...]), Theme.comment)
                index = characters.count
                continue
            }
            if character == "\"" || character == "'" || (character == "`" && grammar == .javascript) {
                if grammar == .json && character == "'" {
                    plain.append(character)
                    index += 1
                    continue
                }
                var text = String(character)
                index += 1
                while index < characters.count {
                    let next = characters[index]
                    text.append(next)
                    index += 1
                    if next == "\\" && index < characters.count && grammar != .sql {
                        text.append(characters[index])
                        index += 1
                    } else if next == character {
                        break
                    }
                }
                var style = Theme.string
                if grammar == .json {
                    var lookahead = index
                    while lookahead < characters.count && characters[lookahead] == " " { lookahead += 1 }
                    if lookahead < characters.count && characters[lookahead] == ":" { style = Theme.property }
                }
                emit(text, style)
                continue
            }
            if grammar == .shell && character == "$" {
                var text = "$"
                index += 1
                while index < characters.count,
                    characters[index].isLetter || characters[index].isNumber || "_{}".contains(characters[index])
                {
                    text.append(characters[index])
                    index += 1
                }
                emit(text, Theme.variable)
                continue
            }
            if grammar == .shell && character == "-" && (index == 0 || characters[index - 1] == " ") {
                var text = ""
                while index < characters.count && characters[index] != " " && characters[index] != "=" {
                    text.append(characters[index])
                    index += 1
                }
                emit(text, Theme.flag)
                continue
            }
            if character.isNumber && (index == 0 || !isWordCharacter(characters[index - 1])) {
                var text = ""
                while index < characters.count
                    && (characters[index].isNumber || characters[index] == "."
                        || characters[index] == "_" || characters[index].isHexDigit && text.hasPrefix("0x")
                        || characters[index] == "x" && text == "0")
                {
                    text.append(characters[index])
                    index += 1
                }
                emit(text, Theme.number)
                continue
            }
            if isWordCharacter(character) {
                var word = ""
                while index < characters.count && isWordCharacter(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                if isKeyword(word) {
                    emit(word, Theme.keyword)
                } else {
                    plain += word
                }
                continue
            }
            if character == "@" && grammar == .swift {
                var word = "@"
                index += 1
                while index < characters.count && isWordCharacter(characters[index]) {
                    word.append(characters[index])
                    index += 1
                }
                emit(word, Theme.keyword)
                continue
            }
            plain.append(character)
            index += 1
        }
        flushPlain()
        return spans
    }

    private func isWordCharacter(_ character: Character) -> Bool {
        character.isLetter || character.isNumber || character == "_"
    }

    private func isKeyword(_ word: String) -> Bool {
        switch grammar {
        case .swift: return Self.swiftKeywords.contains(word)
        case .javascript: return Self.javascriptKeywords.contains(word)
        case .sql: return Self.sqlKeywords.contains(word.lowercased())
        case .shell: return Self.shellKeywords.contains(word)
        case .json: return word == "true" || word == "false" || word == "null"
        case .plain: return false
        }
    }
}
