internal import Foundation

extension String {
    /// The string folded for matching: lower case, accents removed, runs of spaces, hyphens, underscores
    /// and slashes collapsed to one space, and leading and trailing punctuation dropped.
    ///
    /// "Diseñar  Integración" and "disenar-integracion" fold to the same "disenar integracion".
    public var foldedForMatching: String {
        if utf8.allSatisfy({ $0 < 0x80 }) { return Self.collapse(self) }
        return Self.collapse(self.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil))
    }

    /// Keeps letters and digits (lower-cased), turns separators into single spaces.
    private static func collapse(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for character in text {
            if character.isLetter || character.isNumber {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                if character.isASCII {
                    result.append(character.lowercased())
                } else {
                    result.append(character)
                }
            } else if character.isWhitespace || "-_/.,;:!?¿¡\"'()".contains(character) {
                pendingSpace = true
            } else {
                if pendingSpace && !result.isEmpty { result.append(" ") }
                pendingSpace = false
                result.append(character)
            }
        }
        return result
    }
}
