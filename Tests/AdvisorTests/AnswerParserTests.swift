import Foundation
import Testing

@testable import Advisor

@Suite("Answers")
struct AnswerParserTests {
    @Test(
        "a choice by number, id or name, in either language, without regard to case or accents",
        arguments: [
            ("1", "push"), ("push", "push"), ("PUSH", "push"), ("Bidireccional", "bidirectional"),
            ("sync", "bidirectional"),
            ("polling", "pull"), ("2", "pull"),
        ])
    func kind(input: String, expected: String) {
        #expect(AnswerParser.parse(input, for: QuestionCatalog.question(.kind)) == .success([expected]))
    }

    @Test("several errors, in any order and language, come back in the question's order")
    func errors() {
        let question = QuestionCatalog.question(.errors)
        #expect(AnswerParser.parse("parciales, transitorios", for: question) == .success(["transient", "partial"]))
        #expect(AnswerParser.parse("3,1,2", for: question) == .success(["transient", "permanent", "partial"]))
        #expect(AnswerParser.parse("transient,transient", for: question) == .success(["transient"]))
    }

    @Test("yes and no in both languages; a near miss is suggested, not chosen")
    func yesNoAndMisses() {
        let ordering = QuestionCatalog.question(.ordering)
        #expect(AnswerParser.parse("sí", for: ordering) == .success(["yes"]))
        #expect(AnswerParser.parse("n", for: ordering) == .success(["no"]))
        guard case .failure(let error) = AnswerParser.parse("stirpe", for: QuestionCatalog.question(.provider)) else {
            Issue.record("a misspelling must not be accepted")
            return
        }
        #expect(error.suggestions.first == "stripe")
        guard case .failure = AnswerParser.parse("9", for: QuestionCatalog.question(.kind)) else {
            Issue.record("a number out of range must not be accepted")
            return
        }
    }

    @Test("follow-ups apply only where they change the answer; defaults follow the provider")
    func applicability() {
        let feed = Answers(kind: .pull, guarantee: .atLeastOnce, errors: [.transient], provider: .booking)
        #expect(!feed.applies(.ordering) && !feed.applies(.canRefetch))
        #expect(Answers(guarantee: .atMostOnce).applies(.naturallyIdempotent) == false)
        #expect(Answers(provider: .stripe).defaultChoices(for: .canRefetch) == ["yes"])
        #expect(Answers(provider: .airbnb).defaultChoices(for: .kind) == ["pull"])
        let (completed, assumed) = Answers(
            kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .stripe
        ).completed()
        #expect(assumed == [.ordering, .volume, .naturallyIdempotent, .canRefetch])
        #expect(completed.missingRequired.isEmpty)
        #expect(Answers(kind: .push).missingRequired == [.guarantee, .errors, .provider])
    }

    @Test("a design file round-trips, and a broken one says what is wrong")
    func designFile() throws {
        let answers = Answers(
            kind: .push, guarantee: .exactlyOnce, errors: [.transient, .partial], provider: .shopify, volume: .high)
        let file = DesignFile(answers: answers)
        let decoded = try DesignFile.decode(try file.encoded())
        #expect(decoded.answers == answers)
        #expect(decoded.designID == DesignEngine.design(for: answers).id)
        #expect(throws: DesignFileError.self) { try DesignFile.decode(Data("{\"format\": 1}".utf8)) }
        #expect(throws: DesignFileError.self) { try DesignFile.decode(Data("{\"format\": 2, \"answers\": {}}".utf8)) }
        #expect(throws: DesignFileError.self) { try DesignFile.decode(Data("not json".utf8)) }
    }
}
