internal import Foundation

/// JSON for scripts: stable, sorted keys, pretty-printed, slashes unescaped, one trailing newline.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        return collapsingEmptyArrays(String(decoding: data, as: UTF8.self)) + "\n"
    }

    /// Foundation pretty-prints an empty array as `[`, a blank line and `]`; print `[]` instead.
    private static func collapsingEmptyArrays(_ text: String) -> String {
        text.replacing(#/\[\n\n *\]/#, with: "[]")
    }
}
