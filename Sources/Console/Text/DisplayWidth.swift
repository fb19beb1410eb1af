internal import CEditLine
internal import Glibc

/// Terminal column widths of text, from glibc's `wcwidth` in the C.UTF-8 locale.
///
/// East Asian wide characters take two columns, combining marks none. The locale is set per call with
/// `uselocale`, so the process's own locale is left alone.
public enum DisplayWidth {
    nonisolated(unsafe) private static let utf8Locale: locale_t? = newlocale(LC_CTYPE_MASK, "C.UTF-8", nil)

    /// The columns `character` occupies (0 for controls and combining marks).
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        guard let first = scalars.first else { return 0 }
        if first.isASCII {
            return first.value >= 0x20 && first.value != 0x7F ? 1 : 0
        }
        let previous = utf8Locale.map { uselocale($0) }
        defer { if let previous { uselocale(previous) } }
        var width = Int(CEditLine_wcwidth(first.value))
        if width < 0 { width = 0 }
        if width == 1, scalars.contains(where: { $0.value == 0xFE0F }) { width = 2 }  // emoji presentation
        return width
    }

    /// The columns `text` occupies.
    public static func of<S: StringProtocol>(_ text: S) -> Int {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            return text.utf8.reduce(0) { $0 + ($1 >= 0x20 && $1 != 0x7F ? 1 : 0) }
        }
        return text.reduce(0) { $0 + of($1) }
    }
}
