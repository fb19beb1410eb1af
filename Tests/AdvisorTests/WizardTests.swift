import Knowledge
import Testing

@testable import Advisor

@Suite("Wizard")
struct WizardTests {
    @Test("step i of n, defaults with Enter, back, status, ?, and a review before the design")
    func wholeRun() throws {
        var wizard = Wizard(language: .english)
        #expect(wizard.screen.contains("Step 1 of 8 — Kind of integration"))
        guard case .screen(let second) = wizard.handle("push") else { Issue.record("push must be accepted"); return }
        #expect(second.contains("Step 2 of 8 — Delivery guarantee"))
        guard case .note(let explanation, _) = wizard.handle("?") else { Issue.record("? must explain"); return }
        #expect(explanation.contains("EXACTLY-ONCE"))
        guard case .screen(let back) = wizard.handle("back") else { Issue.record("back must go back"); return }
        #expect(back.contains("Step 1 of 8"))
        _ = wizard.handle("")  // keeps push (the answer already given)
        _ = wizard.handle("")  // at-least-once by default
        _ = wizard.handle("transient, permanent, partial")
        guard case .note(let invalid, _) = wizard.handle("stirpe") else {
            Issue.record("a typo must be refused"); return
        }
        #expect(invalid.contains("`stripe`"))
        _ = wizard.handle("stripe")
        guard case .note(let status, _) = wizard.handle("status") else {
            Issue.record("status must show answers"); return
        }
        #expect(status.contains("Provider: Stripe"))
        for _ in 0..<4 { _ = wizard.handle("") }
        #expect(wizard.phase == .reviewing)
        #expect(wizard.screen.contains("Review"))
        guard case .finished(let design) = wizard.handle("yes") else { Issue.record("yes must finish"); return }
        #expect(design.answers.provider == .stripe)
        #expect(design.answers.errors == [.transient, .permanent, .partial])
        #expect(design.answers.canRefetch == true)
    }

    @Test("an iCal provider skips the follow-ups that do not apply, so the plan shrinks")
    func planShrinks() {
        var wizard = Wizard(language: .spanish)
        _ = wizard.handle("pull")
        _ = wizard.handle("")
        _ = wizard.handle("transitorios")
        guard case .screen(let next) = wizard.handle("booking") else {
            Issue.record("booking must be accepted"); return
        }
        #expect(next.contains("Paso 5 de 6 — Volumen"))
    }

    @Test("from the review, a step number changes that answer and returns to the review")
    func changeFromReview() {
        var wizard = Wizard(
            answers: Answers(kind: .push, guarantee: .atLeastOnce, errors: [.transient], provider: .stripe),
            language: .english, askOnlyMissing: true)
        #expect(wizard.screen.contains("Ordering"))
        for _ in 0..<4 { _ = wizard.handle("") }
        #expect(wizard.phase == .reviewing)
        _ = wizard.handle("4")
        #expect(wizard.phase == .asking(.provider))
        _ = wizard.handle("github")
        #expect(wizard.phase == .reviewing)
        guard case .finished(let design) = wizard.handle("") else { Issue.record("Enter finishes"); return }
        #expect(design.answers.provider == .github)
    }

    @Test("quit leaves the wizard")
    func quit() {
        var wizard = Wizard(language: .english)
        #expect(wizard.handle("salir") == .cancelled)
    }
}
