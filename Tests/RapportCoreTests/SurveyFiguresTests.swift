import Foundation
import RapportCore
import Testing

@Suite("Surveys: reading replies and the figures")
struct SurveyFiguresTests {
    @Test("a reply is an answer only when it starts with a whole number on the scale")
    func replies() {
        #expect(SurveyReply("9", kind: .nps) == SurveyReply(score: 9))
        #expect(SurveyReply(" 10! ", kind: .nps) == SurveyReply(score: 10))
        #expect(SurveyReply("9/10", kind: .nps) == SurveyReply(score: 9))
        #expect(SurveyReply("8 out of 10 - fast delivery", kind: .nps) == SurveyReply(score: 8, comment: "fast delivery"))
        #expect(SurveyReply("4 - quick and kind", kind: .csat) == SurveyReply(score: 4, comment: "quick and kind"))
        #expect(SurveyReply("0", kind: .nps) == SurveyReply(score: 0))
        #expect(SurveyReply("0", kind: .csat) == nil, "CSAT runs from 1")
        #expect(SurveyReply("6", kind: .csat) == nil)
        #expect(SurveyReply("12", kind: .nps) == nil)
        #expect(SurveyReply("4.5", kind: .csat) == nil)
        #expect(SurveyReply("4,5", kind: .csat) == nil)
        #expect(SurveyReply("3rd order this month", kind: .csat) == nil)
        #expect(SurveyReply("Where is my order #1001?", kind: .csat) == nil)
        #expect(SurveyReply("", kind: .nps) == nil)
        #expect(SurveyReply(nil, kind: .nps) == nil)
        #expect(SurveyReply("٣", kind: .csat) == nil, "only ASCII digits")
        // A number that starts a sentence is a message, not a score.
        #expect(SurveyReply("2 weeks and still no parcel", kind: .csat) == nil)
        #expect(SurveyReply("10 days late, where is it?", kind: .nps) == nil)
        #expect(SurveyReply("4/5", kind: .nps) == nil, "a score on another scale")
        #expect(SurveyReply("4/5", kind: .csat) == SurveyReply(score: 4))
        #expect(SurveyReply("9/10 great", kind: .nps) == SurveyReply(score: 9, comment: "great"))
        #expect(SurveyReply("5 🙂", kind: .csat) == SurveyReply(score: 5, comment: "🙂"))
        #expect(SurveyReply("3\nThe parcel was late", kind: .csat) == SurveyReply(score: 3, comment: "The parcel was late"))
    }

    @Test("NPS counts promoters less detractors, with a sampling margin and the range a full response allows")
    func netPromoter() throws {
        // 100 sent, 40 answered: 24 promoters (9–10), 10 passives (7–8), 6 detractors (0–6).
        let tallies = [
            SurveyTally(handledBy: nil, teamID: nil, score: 10, count: 14), SurveyTally(handledBy: nil, teamID: nil, score: 9, count: 10),
            SurveyTally(handledBy: nil, teamID: nil, score: 8, count: 6), SurveyTally(handledBy: nil, teamID: nil, score: 7, count: 4),
            SurveyTally(handledBy: nil, teamID: nil, score: 6, count: 3), SurveyTally(handledBy: nil, teamID: nil, score: 0, count: 3),
            SurveyTally(handledBy: nil, teamID: nil, score: nil, count: 60),
        ]
        let figures = SurveyFigures(kind: .nps, tallies: tallies)
        #expect(figures.sent == 100 && figures.answered == 40)
        #expect((figures.positive, figures.neutral, figures.negative) == (24, 10, 6))
        #expect(figures.responseRate == 0.4)
        #expect(figures.score == 45)
        // With one pseudo-answer per category, P = 25/43 and D = 7/43: the variance
        // P + D − (P − D)² ≈ 0.5690; 1.96 × √(0.5690 / 40) × 100 ≈ 23.38, times the finite
        // population correction √(60 / 99) ≈ 0.7785: ≈ 18.20.
        let margin = try #require(figures.marginOfError)
        #expect(abs(margin - 18.198) < 0.01)
        #expect(figures.interval.map { abs($0.lowerBound - 26.802) < 0.01 && abs($0.upperBound - 63.198) < 0.01 } == true)
        // Had the 60 silent answered as detractors: (24 − 66) / 100 = −42; as promoters: (84 − 6) / 100 = +78.
        #expect(figures.ifEveryoneAnswered == -42...78)
        #expect(SurveyFigures(kind: .nps, tallies: []).score == nil)
        #expect(SurveyFigures(kind: .nps, tallies: [SurveyTally(handledBy: nil, teamID: nil, score: 9, count: 1)]).marginOfError == nil)
    }

    @Test("answers all alike still carry a margin; a high response rate narrows it, within what the silent could change")
    func marginsAtTheEnds() throws {
        let alike = SurveyFigures(kind: .nps, tallies: [
            SurveyTally(handledBy: nil, teamID: nil, score: 10, count: 10), SurveyTally(handledBy: nil, teamID: nil, score: nil, count: 90),
        ])
        #expect(alike.score == 100)
        #expect(try #require(alike.marginOfError) > 10, "ten promoters do not make +100 certain")
        // 96 of 100 answered: 60 promoters, 12 detractors, NPS +50; the 4 silent move it at most to 44…52.
        let nearlyAll = SurveyFigures(kind: .nps, tallies: [
            SurveyTally(handledBy: nil, teamID: nil, score: 10, count: 60), SurveyTally(handledBy: nil, teamID: nil, score: 8, count: 24),
            SurveyTally(handledBy: nil, teamID: nil, score: 3, count: 12), SurveyTally(handledBy: nil, teamID: nil, score: nil, count: 4),
        ])
        #expect(nearlyAll.score == 50)
        #expect(nearlyAll.ifEveryoneAnswered == 44...52)
        let interval = try #require(nearlyAll.interval)
        #expect(interval.lowerBound >= 44 && interval.upperBound <= 52)
        let everyone = SurveyFigures(kind: .nps, tallies: [SurveyTally(handledBy: nil, teamID: nil, score: 9, count: 5), SurveyTally(handledBy: nil, teamID: nil, score: 2, count: 5)])
        #expect(everyone.marginOfError == 0, "every survey answered: nothing is left to sample")
    }

    @Test("CSAT is the satisfied share (4–5), split per agent, the bot and team")
    func satisfaction() {
        let tallies = [
            SurveyTally(handledBy: "usr_a", teamID: "tea_1", score: 5, count: 3), SurveyTally(handledBy: "usr_a", teamID: "tea_1", score: 2, count: 1),
            SurveyTally(handledBy: "bot", teamID: nil, score: 4, count: 1), SurveyTally(handledBy: "bot", teamID: nil, score: 3, count: 1),
            SurveyTally(handledBy: "bot", teamID: nil, score: nil, count: 2),
        ]
        let breakdown = SurveyBreakdown(kind: .csat, tallies: tallies, from: .distantPast, to: .distantFuture)
        #expect(breakdown.overall.score.map { abs($0 - 400.0 / 6.0) < 1e-9 } == true)
        #expect(breakdown.byHandler["usr_a"]?.score == 75)
        #expect(breakdown.byHandler["bot"]?.score == 50)
        #expect(breakdown.byHandler["bot"]?.responseRate == 0.5)
        #expect(breakdown.byTeam["tea_1"]?.answered == 4)
        #expect(breakdown.byTeam.count == 1)
        #expect(SurveyKind.csat.isNegative(2) && !SurveyKind.csat.isNegative(3))
        #expect(SurveyKind.nps.isNegative(6) && !SurveyKind.nps.isNegative(7) && SurveyKind.nps.isPositive(9))
    }
}
