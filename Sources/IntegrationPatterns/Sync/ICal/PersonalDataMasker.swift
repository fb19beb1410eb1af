public import Foundation

/// Hides personal data in event text before it is printed, logged or reported.
///
/// Airbnb's DESCRIPTION carries a reservation code (`HM…`, also in the `?code=` of the reservation URL)
/// and the guest's last four phone digits; Vrbo's SUMMARY carries the guest's first name
/// (research file ical-ota.md §5.1). The data stays in the sync state, where a person resolving a conflict
/// needs it; it leaves the process masked unless someone asks for it. Each masked character becomes `*`,
/// so the shape of the text survives:
///
/// ```swift
/// PersonalDataMasker().mask("Phone Number (Last 4 Digits): 4235")   // "Phone Number (Last 4 Digits): ****"
/// ```
public struct PersonalDataMasker: Sendable {
    /// Which kinds of data to mask.
    public struct Rules: OptionSet, Sendable, Hashable {
        public let rawValue: Int
        public init(rawValue: Int) { self.rawValue = rawValue }

        /// Reservation codes: Airbnb `HM` + 8 characters, the `code=` of a reservation URL, Vrbo `HA-…`.
        public static let reservationCodes = Rules(rawValue: 1 << 0)
        /// Phone numbers and phone digits: labelled digits, `+` numbers, runs of 7 or more digits.
        public static let phoneDigits = Rules(rawValue: 1 << 1)
        /// E-mail addresses (the part before `@`).
        public static let emails = Rules(rawValue: 1 << 2)
        /// A guest's name after a reservation word: `Reserved - Melanie`.
        public static let guestNames = Rules(rawValue: 1 << 3)
        /// Everything above.
        public static let all: Rules = [.reservationCodes, .phoneDigits, .emails, .guestNames]
    }

    /// What to mask.
    public var rules: Rules

    /// Creates a masker; by default it masks everything it knows.
    public init(rules: Rules = .all) { self.rules = rules }

    /// A masker that changes nothing, for when a person asked to see the data.
    public static let disabled = PersonalDataMasker(rules: [])

    /// `text` with personal data replaced by `*`.
    public func mask(_ text: String) -> String {
        guard !rules.isEmpty, !text.isEmpty else { return text }
        var result = text
        if rules.contains(.reservationCodes) {
            result = result.replacing(#/(?i)(code=)([A-Za-z0-9]+)/#) { $0.output.1 + stars($0.output.2) }
            result = result.replacing(#/\b(HM[A-Za-z0-9]{8})\b/#) { stars($0.output.1) }
            result = result.replacing(#/\b(HA-[A-Za-z0-9]{6,})\b/#) { stars($0.output.1) }
        }
        if rules.contains(.emails) {
            result = result.replacing(#/([A-Za-z0-9._%+\-]+)(@[A-Za-z0-9.\-]+\.[A-Za-z]{2,})/#) {
                stars($0.output.1) + $0.output.2
            }
        }
        if rules.contains(.phoneDigits) {
            let labelled =
                #/(?i)((?:digits\)?|phone(?: number)?|tel(?:éfono|efono)?|mobile|m[óo]vil)\s*:?\s*)(\+?\d[\d \-().]*\d)/#
            result = result.replacing(labelled) { $0.output.1 + digitsMasked($0.output.2) }
            result = result.replacing(#/(\+\d[\d \-().]{5,}\d)/#) { digitsMasked($0.output.1) }
            result = result.replacing(#/(\d{7,})/#) { stars($0.output.1) }
        }
        if rules.contains(.guestNames) {
            let reserved =
                #/(?i)^((?:reserved|réservée|réservé|reservado|reservada|reserviert|booked)\s*[-–:]\s*)(.+)$/#
            result = result.replacing(reserved) { $0.output.1 + stars($0.output.2) }
        }
        return result
    }

    /// `block` with its summary and description masked.
    public func mask(_ block: AvailabilityBlock) -> AvailabilityBlock {
        var masked = block
        masked.summary = mask(block.summary)
        masked.description = mask(block.description)
        return masked
    }

    /// A feed URL fit for a log line: scheme and host only. Feed URLs are credentials (`?s=` on Airbnb,
    /// `?t=` on Booking.com), so their path and query never leave the process.
    public static func redact(_ url: URL) -> String {
        if url.isFileURL { return url.lastPathComponent }
        guard let scheme = url.scheme, let host = url.host else { return "<feed URL>" }
        return "\(scheme)://\(host)/…"
    }

    private func stars(_ text: Substring) -> String { String(repeating: "*", count: text.count) }

    private func digitsMasked(_ text: Substring) -> String {
        String(text.map { $0.isNumber ? "*" : $0 })
    }
}
