import Vocabulary
/// One stage of the 五个一百 project pipeline.
public struct PipelineStage: Sendable, Equatable, Identifiable {
    public var id: String
    public var name: LocalizedText
    public init(id: String, name: LocalizedText) {
        self.id = id
        self.name = name
    }
}

/// Yearly movement out of a stage: advance to the next stage with probability `advance`, drop out
/// with probability `dropOut`, stay with 1 − advance − dropOut.
public struct StageTransition: Sendable, Equatable {
    /// Probability per year of moving to the next stage.
    public var advance: Double
    /// Probability per year of leaving the pipeline without advancing.
    public var dropOut: Double
    public init(advance: Double, dropOut: Double) {
        self.advance = advance
        self.dropOut = dropOut
    }
    /// Probability per year of staying in the stage.
    public var stay: Double { 1 - advance - dropOut }
}

/// The project pipeline: K stages, transitions out of the first K − 1 (the last stage is terminal:
/// a project entering it is counted and leaves the pipeline), and the stage whose entry starts the
/// disbursement of funds (落地).
public struct Pipeline: Sendable, Equatable {
    public var stages: [PipelineStage]
    /// `transitions[k]` moves projects out of `stages[k]`, k = 0 … K − 2.
    public var transitions: [StageTransition]
    /// Index of the landing stage (entry starts the disbursement schedule); 1 ≤ index ≤ K − 1.
    public var landingStage: Int

    public init(stages: [PipelineStage], transitions: [StageTransition], landingStage: Int) {
        self.stages = stages
        self.transitions = transitions
        self.landingStage = landingStage
    }

    /// The default five stages 储备/在谈 → 签约 → 落地 → 开工 → 投产 with assumed yearly probabilities
    /// (lead: advance 0.35 / drop 0.35; signed: 0.6 / 0.1; landed: 0.7 / 0.05; started: 0.6 / 0.05);
    /// landing stage 落地.
    public static let fiveHundreds = Pipeline(
        stages: [
            PipelineStage(id: "lead", name: .init(zh: "储备/在谈", en: "Lead / negotiating")),
            PipelineStage(id: "signed", name: .init(zh: "签约", en: "Signed")),
            PipelineStage(id: "landed", name: .init(zh: "落地", en: "Landed")),
            PipelineStage(id: "started", name: .init(zh: "开工", en: "Construction started")),
            PipelineStage(id: "in_production", name: .init(zh: "投产", en: "In production")),
        ],
        transitions: [
            StageTransition(advance: 0.35, dropOut: 0.35),
            StageTransition(advance: 0.60, dropOut: 0.10),
            StageTransition(advance: 0.70, dropOut: 0.05),
            StageTransition(advance: 0.60, dropOut: 0.05),
        ],
        landingStage: 2)

    func validate() throws {
        if stages.count < 2 {
            throw ForecastError.invalidValue(parameter: "pipeline.stages", reason: "needs at least 2 stages")
        }
        var seen = Set<String>()
        for s in stages where !seen.insert(s.id).inserted {
            throw ForecastError.duplicateIdentifier(parameter: "pipeline.stages", id: s.id)
        }
        if transitions.count != stages.count - 1 {
            throw ForecastError.invalidValue(
                parameter: "pipeline.transitions",
                reason: "expected \(stages.count - 1) transitions (one per non-terminal stage), got \(transitions.count)")
        }
        for (k, t) in transitions.enumerated() {
            let p = "pipeline.transitions.\(stages[k].id)"
            try Check.probability(t.advance, p + ".advance")
            try Check.probability(t.dropOut, p + ".dropOut")
            if t.advance + t.dropOut > 1 + 1e-12 {
                throw ForecastError.probabilityOutOfRange(parameter: p + ".advance+dropOut", value: t.advance + t.dropOut)
            }
            if t.advance + t.dropOut <= 0 {
                throw ForecastError.invalidValue(
                    parameter: p, reason: "advance + dropOut must be > 0, or projects stay in the stage forever")
            }
        }
        if landingStage < 1 || landingStage > stages.count - 1 {
            throw ForecastError.invalidValue(
                parameter: "pipeline.landingStage", reason: "\(landingStage) must be in 1...\(stages.count - 1)")
        }
    }
}
