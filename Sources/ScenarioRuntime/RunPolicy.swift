/// How `ScenarioRuntime.run` runs a scenario: the parts to run and the threads to use. The
/// numbers do not depend on `workers`.
public struct RunPolicy: Sendable {
    /// Worker threads for the Monte Carlo draws (nil = all cores).
    public var workers: Int?
    /// Search for the effort needed to reach the target with the plan's probability
    /// (`plan.target_probability`).
    public var effortSearch: Bool
    /// Draws per trial of the effort search: min(`engine.draws`, this) (default 5,000: the search
    /// needs many trials, each with common random numbers, so fewer draws per trial suffice).
    public var effortSearchMaximumDraws: Int
    /// Progress in draws over every run of the scenario (baseline, the effort search counted as
    /// one run of its draws, variants and sweep points): (done, total). Called from worker threads,
    /// never concurrently with itself.
    public var progress: (@Sendable (_ done: Int, _ total: Int) -> Void)?

    public init(
        workers: Int? = nil, effortSearch: Bool = true, effortSearchMaximumDraws: Int = 5000,
        progress: (@Sendable (_ done: Int, _ total: Int) -> Void)? = nil
    ) {
        self.workers = workers
        self.effortSearch = effortSearch
        self.effortSearchMaximumDraws = effortSearchMaximumDraws
        self.progress = progress
    }

    /// Draws of the effort search's trials for a scenario of `draws` draws.
    public func effortSearchDraws(_ draws: Int) -> Int { min(draws, effortSearchMaximumDraws) }
}
