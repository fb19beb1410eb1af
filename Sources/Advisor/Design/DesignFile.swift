public import Foundation

/// A design saved to a file (`ipm design --save`, the REPL's `save`) and replayed (`--answers`, `load`).
///
/// `{"format": 1, "design_id": "…", "answers": {"kind": "push", …}}` — the answers are the source; the
/// design is recomputed from them, so a file stays valid as the rules improve.
public struct DesignFile: Sendable, Codable, Hashable {
    /// The file format's version.
    public var format: Int
    /// The id of the design the answers gave when saved (for reference).
    public var designID: String?
    /// The answers.
    public var answers: Answers

    enum CodingKeys: String, CodingKey {
        case format, answers
        case designID = "design_id"
    }

    /// A file for `answers`.
    public init(answers: Answers) {
        self.format = 1
        self.designID = DesignEngine.design(for: answers).id
        self.answers = answers
    }

    /// The file's JSON.
    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(self) + Data("\n".utf8)
    }

    /// Reads a design file; a malformed one is a `DesignFileError` saying what is wrong.
    public static func decode(_ data: Data) throws -> DesignFile {
        do {
            let file = try JSONDecoder().decode(DesignFile.self, from: data)
            guard file.format == 1 else { throw DesignFileError(message: "unknown format \(file.format) (expected 1)") }
            return file
        } catch let error as DesignFileError {
            throw error
        } catch let DecodingError.dataCorrupted(context) {
            throw DesignFileError(message: "not valid JSON: \(context.debugDescription)")
        } catch let DecodingError.keyNotFound(key, _) {
            throw DesignFileError(message: "missing '\(key.stringValue)'")
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw DesignFileError(message: "unexpected value at '\(path)': \(context.debugDescription)")
        } catch {
            throw DesignFileError(message: "\(error)")
        }
    }
}

/// A design file that cannot be read.
public struct DesignFileError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    public var description: String { message }
}
