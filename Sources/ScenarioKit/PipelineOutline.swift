/// The scenario's project pipeline (五个一百 stages) as modules see it, read-only: the stages in
/// order with the yearly probabilities of advancing to the next stage and of dropping out, the
/// landing stage (entry = 落地, starts the disbursement) and the disbursement schedule.
///
/// The engine runs one pipeline for all carriers and sources; a module that models a carrier's
/// own rates (e.g. 招商帮带 raising a mentee's advance rates) derives its effect from these.
public struct PipelineOutline: Sendable, Equatable, Codable {
    /// One stage: `advance` and `dropOut` are yearly probabilities out of the stage (0 for the
    /// last, terminal stage).
    public struct Stage: Sendable, Equatable, Codable {
        public var id: String
        public var name: LocalizedText
        /// Probability per year of moving to the next stage.
        public var advance: Double
        /// Probability per year of leaving the pipeline without advancing.
        public var dropOut: Double

        public init(id: String, name: LocalizedText, advance: Double, dropOut: Double) {
            self.id = id
            self.name = name
            self.advance = advance
            self.dropOut = dropOut
        }

        enum CodingKeys: String, CodingKey {
            case id, name, advance
            case dropOut = "drop_out"
        }
    }

    /// All K stages, first (leads) to last.
    public var stages: [Stage]
    /// Index of the landing stage (1 ≤ index ≤ K − 1): entering it is 落地.
    public var landingStage: Int
    /// Fraction of a landed project's investment in place in year j after landing (j = 0 the
    /// landing year); sums to 1.
    public var disbursement: [Double]

    public init(stages: [Stage], landingStage: Int, disbursement: [Double]) {
        self.stages = stages
        self.landingStage = landingStage
        self.disbursement = disbursement
    }

    enum CodingKeys: String, CodingKey {
        case stages
        case landingStage = "landing_stage"
        case disbursement
    }
}
