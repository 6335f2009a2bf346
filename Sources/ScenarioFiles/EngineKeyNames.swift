import ForecastEngine

/// The engine names its parameters in Swift (`pipeline.landingStage`, `arrivalVolatility`);
/// a user wrote scenario keys (`engine.pipeline.landing_stage`, `engine.arrival_volatility`).
/// Engine errors are shown in the user's words, at the key they wrote when it is in the file.
enum EngineKeyNames {
    /// Engine property names whose scenario key is not their snake_case form.
    static let renames: [String: String] = [
        "individualSizeThreshold": "individual_size_threshold_yi",
        "bodyLogStandardDeviation": "body_log_sd",
        "tailMinimum": "tail_min",
        "leadRateMultiplier": "lead_rate",
        "projectSize": "size",
        "perStage": "per_stage",
        "minimumAmount": "min_amount_yi",
        "transitions": "stages",
        "expectedYear": "year",
        "leadShare": "lead_share",
        "advance+dropOut": "advance + drop_out",
    ]

    /// `pipeline.landingStage` → `engine.pipeline.landing_stage`; `plan.targetYear` →
    /// `plan.target_year`; names inside brackets are kept.
    static func scenarioPath(_ engine: String) -> String {
        let parts = engine.split(separator: ".", omittingEmptySubsequences: false).map { part -> String in
            let s = String(part)
            if let r = renames[s] { return r }
            return snakeCase(s)
        }
        let path = parts.joined(separator: ".")
        if path.hasPrefix("plan.") || path.hasPrefix("calibration.") || path.hasPrefix("engine.") { return path }
        if path.hasPrefix("base_year_data") { return "calibration" }
        return "engine." + path
    }

    /// `landingStage` → `landing_stage` (only letters after a lower-case letter are split).
    static func snakeCase(_ s: String) -> String {
        var out = ""
        var previousLower = false
        for c in s {
            if c.isUppercase && previousLower {
                out += "_" + c.lowercased()
            } else {
                out += c.isUppercase ? c.lowercased() : String(c)
            }
            previousLower = c.isLowercase || c.isNumber
        }
        return out
    }

    /// The error's text with every engine name the user did not write replaced, and the key
    /// path it is about.
    static func translate(_ error: ForecastError) -> (keyPath: String, message: String) {
        switch error {
        case let .probabilityOutOfRange(p, v): return (scenarioPath(p), "\(v) is not a probability in [0, 1]")
        case let .negativeValue(p, v): return (scenarioPath(p), "\(v) must not be negative")
        case let .nonPositiveValue(p, v): return (scenarioPath(p), "\(v) must be greater than 0")
        case let .nonFinite(p): return (scenarioPath(p), "the value is NaN or infinite")
        case let .scheduleDoesNotSumToOne(p, sum): return (scenarioPath(p), "shares sum to \(sum), expected 1")
        case let .targetYearNotAfterBaseYear(b, t): return ("plan.target_year", "\(t) must be after plan.base_year \(b)")
        case let .unknownIdentifier(p, id): return (scenarioPath(p), "unknown identifier \"\(id)\"")
        case let .duplicateIdentifier(p, id): return (scenarioPath(p), "identifier \"\(id)\" appears more than once")
        case let .invalidValue(p, reason): return (scenarioPath(p), words(reason))
        case let .missingData(p, reason): return (scenarioPath(p), words(reason))
        case let .linearAlgebra(m): return ("", "linear algebra: \(m)")
        case .cancelled: return ("", "the run was cancelled")
        }
    }

    /// Engine names inside a reason, in the scenario's words.
    static func words(_ reason: String) -> String {
        reason.replacingOccurrences(of: "advance + dropOut", with: "advance + drop_out")
            .replacingOccurrences(of: "dropOut", with: "drop_out").replacingOccurrences(of: "landingStage", with: "landing_stage")
            .replacingOccurrences(of: "arrivalVolatility", with: "arrival_volatility")
    }
}
