internal import Foundation

/// JSON for scripts: stable, sorted keys, pretty-printed, slashes unescaped, one trailing newline.
enum JSONOutput {
    static func encode<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        if data.elementsEqual("[\n\n]".utf8) { return "[]\n" }
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
