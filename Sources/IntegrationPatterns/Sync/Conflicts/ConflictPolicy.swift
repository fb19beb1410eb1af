/// Who keeps the nights when more blocks claim them than the unit has room for.
///
/// Decide it in advance and write it down (research file ical-ota.md §5.4). Whatever the policy, an
/// iCal integration cannot cancel an OTA's reservation: the policy decides which stay is honoured and
/// whose guest a person must contact. A tie the policy cannot break leaves the conflict unresolved.
public enum ConflictPolicy: Sendable, Hashable {
    /// Earlier in the list wins; sources not listed rank after every listed one. Two claims from the
    /// same source tie.
    case channelPriority([FeedSource])
    /// The earliest ``AvailabilityBlock/bookedAt`` wins. iCal has no booking time, so this is usually
    /// when ipm first *saw* each block: late by up to a poll interval per channel. Unknown times rank last.
    case firstBookedWins
    /// The unit's own (``FeedSource/direct``) bookings win over every channel; between channels it ties.
    case directWins
    /// Nobody wins automatically: every conflict goes to a person.
    case flagForHuman
}

extension ConflictPolicy: CustomStringConvertible {
    /// The policy as `ipm ical sync --policy` spells it: `priority=airbnb,booking`, `first-booked`,
    /// `direct`, `human`.
    public var description: String {
        switch self {
        case .channelPriority(let sources): return "priority=" + sources.map(\.rawValue).joined(separator: ",")
        case .firstBookedWins: return "first-booked"
        case .directWins: return "direct"
        case .flagForHuman: return "human"
        }
    }

    /// Parses the spelling of ``description``; `nil` for anything else.
    public init?(_ text: String) {
        switch text.lowercased() {
        case "first-booked", "first-booked-wins", "first": self = .firstBookedWins
        case "direct", "direct-wins": self = .directWins
        case "human", "flag", "flag-for-human": self = .flagForHuman
        default:
            let lowered = text.lowercased()
            guard lowered.hasPrefix("priority=") else { return nil }
            let names = lowered.dropFirst("priority=".count).split(separator: ",").map {
                FeedSource(rawValue: String($0).trimmingCharacters(in: " "))
            }
            guard !names.isEmpty, !names.contains(where: { $0.rawValue.isEmpty }) else { return nil }
            self = .channelPriority(names)
        }
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var slice = Substring(self)
        while let first = slice.first, set.contains(first) { slice.removeFirst() }
        while let last = slice.last, set.contains(last) { slice.removeLast() }
        return String(slice)
    }
}
