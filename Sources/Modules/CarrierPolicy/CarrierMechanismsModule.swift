import Foundation
import ScenarioKit

/// `carrier-mechanisms` (载体机制): the policy's carrier mechanisms on the forecast's draws —
/// 一镇一产业 (`TownEconomy`), 飞地招商 (`Referral`) and 招商帮带 (`Mentoring`). Analyze phase
/// only: it reads `EngineOutputs.byCarrier`, `byIndustry` and the total, and leaves the engine's
/// forecast as it is (what a mechanism adds is reported, not fed back).
///
/// Tables: `carrier-mechanisms.town-leads`, `.town-shares`, `.town-years` (一镇一产业),
/// `.referrals` (飞地), `.mentoring` (帮带).
public struct CarrierMechanismsModule: ScenarioModule {
    public static let descriptor = CarrierMechanismsSchema.descriptor
    static var id: String { descriptor.id }

    let context: ModuleContext
    let towns: TownEconomy?
    let townCarrier: String
    let referrals: [Referral]
    let mentoring: [Mentoring]

    public init(parameters: ModuleParameters, context: ModuleContext) throws {
        self.context = context
        let id = Self.id
        let firstYear = context.baseYear + 1
        func startYear(_ name: String) throws(ModuleError) -> Int {
            let y = parameters.integer(name) ?? 0
            if y == 0 { return firstYear }
            guard y >= firstYear && y <= context.targetYear else {
                throw ModuleError(
                    module: id, keyPath: name, message: "expected 0 or a forecast year from \(firstYear) to \(context.targetYear)")
            }
            return y
        }
        // 一镇一产业
        let carrierText = parameters.text("town_carrier") ?? "streets_towns"
        guard let carrier = context.carrierLookup.entry(carrierText, in: context.carriers) else {
            throw ModuleError(module: id, keyPath: "town_carrier", message: context.carrierLookup.unknownMessage(carrierText))
        }
        townCarrier = carrier.id
        if parameters.boolean("towns") ?? true {
            let catalogue = try TownCatalogue.read(context.datasetFolder, context: context, module: id, keyPath: "towns")
            towns = TownEconomy(
                catalogue: catalogue, industries: context.industries.map(\.id),
                distinctLeads: parameters.boolean("distinct_leads") ?? true,
                leadBonus: parameters.number("lead_bonus") ?? 0.5, secondBonus: parameters.number("second_bonus") ?? 0.2)
        } else {
            towns = nil
        }
        // 飞地招商
        let referralStart = try startYear("referral_start")
        var referrals: [Referral] = []
        var referredShare: [String: Double] = [:]
        let counted = parameters.numberMap("referral_counted_share") ?? [:]
        let years = parameters.numberMap("referral_years") ?? [:]
        let recovered = parameters.numberMap("referral_recovered") ?? [:]
        for (key, share) in (parameters.numberMap("referrals") ?? [:]).sorted(by: { $0.key < $1.key }) {
            let pair = try CarrierPairs.resolve(key, parameter: "referrals", context: context, module: id)
            referredShare[pair.0, default: 0] += share
            guard referredShare[pair.0]! <= 1 + 1e-12 else {
                throw ModuleError(
                    module: id, keyPath: "referrals.\(key)",
                    message: "the shares referred from \(pair.0) add up to \(referredShare[pair.0]!); expected at most 1")
            }
            let L = try CarrierPairs.value(years, for: pair, parameter: "referral_years", context: context, module: id) ?? 3
            guard L == L.rounded() else {
                throw ModuleError(module: id, keyPath: "referral_years.\(key)", message: "expected a whole number of years, got \(L)")
            }
            referrals.append(Referral(
                origin: pair.0, destination: pair.1, share: share,
                originCountedShare: try CarrierPairs.value(counted, for: pair, parameter: "referral_counted_share", context: context, module: id) ?? 0.5,
                sharingYears: Int(L),
                recovered: try CarrierPairs.value(recovered, for: pair, parameter: "referral_recovered", context: context, module: id) ?? 0,
                startYear: referralStart))
        }
        for (name, map) in [("referral_counted_share", counted), ("referral_years", years), ("referral_recovered", recovered)] {
            for key in map.keys.sorted() {
                let pair = try CarrierPairs.resolve(key, parameter: name, context: context, module: id)
                if !referrals.contains(where: { $0.origin == pair.0 && $0.destination == pair.1 }) {
                    throw ModuleError(module: id, keyPath: "\(name).\(key)", message: "no referral for this pair in referrals", isAboutKey: true)
                }
            }
        }
        self.referrals = referrals
        // 招商帮带
        let mentoringStart = try startYear("mentoring_start")
        let costs = parameters.numberMap("mentoring_cost") ?? [:]
        var mentoring: [Mentoring] = []
        for (key, factor) in (parameters.numberMap("mentoring") ?? [:]).sorted(by: { $0.key < $1.key }) {
            let pair = try CarrierPairs.resolve(key, parameter: "mentoring", context: context, module: id)
            mentoring.append(Mentoring(
                mentor: pair.0, mentee: pair.1, factor: factor,
                mentorCost: try CarrierPairs.value(costs, for: pair, parameter: "mentoring_cost", context: context, module: id) ?? 0,
                startYear: mentoringStart))
        }
        if !mentoring.isEmpty && context.pipeline == nil {
            throw ModuleError(module: id, keyPath: "mentoring", message: "the host gives no pipeline stages (needed for mentoring)")
        }
        self.mentoring = mentoring
    }

    public func analyze(_ o: EngineOutputs, into results: inout ResultSet) throws {
        if let towns {
            guard let carrier = o.byCarrier[townCarrier] else {
                throw ModuleError(module: Self.id, keyPath: "town_carrier", message: "the forecast has no carrier split for \(townCarrier)")
            }
            let draws = towns.townDraws(carrier: carrier, outputs: o)
            results.add(CarrierTables.townLeads(towns, context: context))
            results.add(CarrierTables.townShares(towns, draws: draws, carrier: carrier, outputs: o))
            results.add(CarrierTables.townYears(towns, draws: draws, outputs: o))
        }
        if !referrals.isEmpty {
            results.add(CarrierTables.referrals(referrals, outputs: o, context: context))
        }
        if !mentoring.isEmpty, let pipeline = context.pipeline {
            results.add(try CarrierTables.mentoring(mentoring, pipeline: pipeline, outputs: o, context: context))
        }
    }
}
